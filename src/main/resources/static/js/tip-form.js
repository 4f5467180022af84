// Resident tip form: optional map pin and GPS. Works without it: the fields stay empty.
(function () {
  const lat = document.getElementById("latitude");
  const lon = document.getElementById("longitude");
  const mapEl = document.getElementById("map");
  const status = document.getElementById("location-status");
  if (!lat || !lon) return;
  let marker = null;
  let map = null;

  function show(latitude, longitude) {
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    if (status) status.textContent = lat.value + ", " + lon.value;
    if (map) {
      if (marker) marker.setLatLng([latitude, longitude]);
      else marker = L.marker([latitude, longitude]).addTo(map);
      map.setView([latitude, longitude], 16);
    }
  }

  if (mapEl && window.L) {
    const start = [parseFloat(mapEl.dataset.lat || "12.6667"), parseFloat(mapEl.dataset.lon || "108.05")];
    map = L.map(mapEl).setView(start, 13);
    L.tileLayer(mapEl.dataset.tiles, { maxZoom: 19, attribution: "© OpenStreetMap" }).addTo(map);
    map.on("click", (e) => show(e.latlng.lat, e.latlng.lng));
    if (lat.value && lon.value) show(parseFloat(lat.value), parseFloat(lon.value));
  }

  const gps = document.getElementById("use-gps");
  if (gps && navigator.geolocation) {
    gps.hidden = false;
    gps.addEventListener("click", () => {
      navigator.geolocation.getCurrentPosition((p) => show(p.coords.latitude, p.coords.longitude));
    });
  }
  const clear = document.getElementById("clear-location");
  if (clear) {
    clear.addEventListener("click", () => {
      lat.value = ""; lon.value = "";
      if (status) status.textContent = "";
      if (marker && map) { map.removeLayer(marker); marker = null; }
    });
  }

  // Identity fields are only relevant when the resident does not choose anonymity.
  const anonymous = document.getElementById("anonymous");
  const identity = document.getElementById("identity-fields");
  function toggle() { if (identity) identity.hidden = anonymous.checked; }
  if (anonymous) { anonymous.addEventListener("change", toggle); toggle(); }
})();
