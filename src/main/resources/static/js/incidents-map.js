// Incident maps: markers come from data attributes of a list on the page (no inline script). Tiles may be missing
// offline; the markers and their popups still draw on a blank background.
(function () {
  const mapEl = document.getElementById("incident-map");
  if (!mapEl || !window.L) return;
  const colours = { URGENT: "#b3261e", MEDIUM: "#c77700", LOW: "#0b5d3b" };
  const map = L.map(mapEl, { attributionControl: true });
  if (mapEl.dataset.tiles) {
    L.tileLayer(mapEl.dataset.tiles, { maxZoom: 19, attribution: "© OpenStreetMap" }).addTo(map);
  }
  const points = [];
  document.querySelectorAll(".map-points [data-lat]").forEach((el) => {
    const lat = parseFloat(el.dataset.lat);
    const lon = parseFloat(el.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) return;
    const marker = L.circleMarker([lat, lon], {
      radius: 9,
      color: colours[el.dataset.level] || "#1f4e8c",
      weight: 2,
      fillOpacity: 0.6,
      className: "incident-marker",
    }).addTo(map);
    const label = el.dataset.label || el.textContent;
    const popup = document.createElement("div");
    if (el.dataset.href) {
      const a = document.createElement("a");
      a.href = el.dataset.href;
      a.textContent = label;
      popup.appendChild(a);
    } else {
      popup.textContent = label;
    }
    marker.bindPopup(popup);
    points.push([lat, lon]);
  });
  mapEl.dataset.markers = String(points.length);
  if (points.length === 0) {
    map.setView([12.6667, 108.05], 11);
  } else if (points.length === 1) {
    map.setView(points[0], 15);
  } else {
    map.fitBounds(points, { padding: [30, 30], maxZoom: 16 });
  }
})();
