// Officer console: send the CSRF token with every htmx request (forms already carry it).
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Conversation thread: "edit, then send" puts a suggested answer in the reply box and remembers which entry it came
// from, so the officer's answer (edited or not) still teaches the knowledge base.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".edit-suggestion");
  if (!button) {
    return;
  }
  const text = document.getElementById("text");
  const entry = document.getElementById("entryId");
  if (text && entry) {
    text.value = button.dataset.text;
    entry.value = button.dataset.entry;
    text.focus();
  }
});
