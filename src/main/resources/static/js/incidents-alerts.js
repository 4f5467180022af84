// Urgent alerts: the banner (#incident-alerts) is polled by htmx; when an alert the officer has not seen yet appears,
// play a short tone and mark the tab title. Browsers may hold sound back until the officer has touched the page.
(function () {
  const seenKey = "binhyen.seenAlerts";
  const seen = new Set(JSON.parse(sessionStorage.getItem(seenKey) || "[]"));
  const title = document.title;

  function beep() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      const ctx = new Ctx();
      [0, 0.35].forEach((start) => {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = "square";
        osc.frequency.value = 880;
        gain.gain.value = 0.08;
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + start);
        osc.stop(ctx.currentTime + start + 0.2);
      });
    } catch (e) {
      // no sound available: the banner is still there
    }
  }

  function check(root) {
    const alerts = root.querySelectorAll("[data-alert-id]");
    let fresh = false;
    alerts.forEach((el) => {
      const id = el.getAttribute("data-alert-id");
      if (!seen.has(id)) {
        seen.add(id);
        fresh = true;
      }
    });
    document.body.classList.toggle("has-urgent-alert", alerts.length > 0);
    document.title = alerts.length > 0 ? "(!) " + title : title;
    if (fresh) {
      sessionStorage.setItem(seenKey, JSON.stringify(Array.from(seen).slice(-200)));
      document.body.setAttribute("data-alert-sounded", String(Date.now()));
      beep();
    }
  }

  document.addEventListener("htmx:afterSettle", (event) => {
    const el = document.getElementById("incident-alerts");
    if (el) check(el);
  });
})();
