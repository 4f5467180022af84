// A read-only map of one place (a tip's pin). Draws the marker even when no tile server is reachable.
(function () {
  document.querySelectorAll(".place-map").forEach((el) => {
    if (!window.L) return;
    const at = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    if (Number.isNaN(at[0]) || Number.isNaN(at[1])) return;
    const map = L.map(el, { scrollWheelZoom: false }).setView(at, 16);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: "© OpenStreetMap" }).addTo(map);
    }
    L.circleMarker(at, { radius: 9, color: "#b3261e", weight: 3, fillOpacity: 0.4 }).addTo(map);
  });
})();
