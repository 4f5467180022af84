// Insights dashboard: ECharts from data attributes (no inline script, CSP 'self'), and a Leaflet map of communes drawn
// from their imported boundaries alone, without any tile server, coloured by the chosen measure.
(function () {
  const palette = ["#e8f1fb", "#b9d3f0", "#7fb0e0", "#3f86c9", "#1f4e8c"];

  function seriesChart() {
    const el = document.getElementById("chart-series");
    if (!el || !window.echarts) return;
    const data = JSON.parse(el.dataset.series);
    const names = el.dataset.labels.split("|");
    const keys = ["tips", "questions", "decided", "tipsLastYear"];
    const chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: data.days.map((d) => d.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: keys.map((k, i) => ({
        name: names[i],
        type: i === 0 ? "bar" : "line",
        data: data.series[k],
        lineStyle: i === 3 ? { type: "dashed" } : undefined,
      })),
    });
    window.addEventListener("resize", () => chart.resize());
    el.dataset.ready = "true";
  }

  function compareChart() {
    const el = document.getElementById("chart-compare");
    if (!el || !window.echarts) return;
    const rows = JSON.parse(el.dataset.rows);
    const perResidents = rows.some((r) => r.tipsPer1000 !== null);
    const chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 120, right: 16, top: 16, bottom: 24 },
      yAxis: { type: "category", data: rows.map((r) => r.name), inverse: true },
      xAxis: { type: "value" },
      series: [{
        name: perResidents ? el.dataset.label : el.dataset.labelCount,
        type: "bar",
        data: rows.map((r) => (perResidents ? r.tipsPer1000 : r.tips)),
        itemStyle: { color: "#1f4e8c" },
      }],
    });
    el.dataset.ready = "true";
  }

  function colour(value, max) {
    if (value === null || value === undefined) return "#cccccc";
    if (max <= 0) return palette[0];
    return palette[Math.min(palette.length - 1, Math.floor((value / max) * (palette.length - 1) + 0.0001))];
  }

  function showMessage(text) {
    const p = document.getElementById("map-message");
    if (!p) return;
    p.textContent = text;
    p.hidden = false;
  }

  function communeMap() {
    const el = document.getElementById("insights-map");
    if (!el || !window.L) return;
    const select = document.getElementById("map-measure");
    if (select) select.addEventListener("change", () => select.form.submit());
    fetch(el.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((fc) => {
        const communes = fc.features.filter((f) => f.properties.kind === "commune");
        el.dataset.communes = String(communes.length);
        if (fc.features.length === 0) {
          el.hidden = true;
          showMessage(el.dataset.empty);
          return;
        }
        const map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
        const values = communes.map((f) => f.properties.value).filter((v) => v !== null && v !== undefined);
        const max = values.length ? Math.max(...values) : 0;
        const layer = L.geoJSON(fc, {
          style: (f) =>
            f.properties.kind === "outline"
              ? { color: "#555", weight: 2, fill: false }
              : {
                  color: "#1f4e8c",
                  weight: 1,
                  fillColor: colour(f.properties.value, max),
                  fillOpacity: 0.8,
                  className: "commune-area commune-" + f.properties.code,
                },
          pointToLayer: (f, latlng) =>
            L.circleMarker(latlng, {
              radius: 14,
              color: "#1f4e8c",
              weight: 1,
              fillColor: colour(f.properties.value, max),
              fillOpacity: 0.9,
              className: "commune-point commune-" + f.properties.code,
            }),
          onEachFeature: (f, l) => {
            if (f.properties.kind !== "commune") return;
            const box = document.createElement("div");
            const a = document.createElement("a");
            a.href = f.properties.href;
            a.textContent = f.properties.name;
            a.className = "map-commune-link";
            box.appendChild(a);
            const v = document.createElement("div");
            v.textContent = f.properties.value === null || f.properties.value === undefined
              ? el.dataset.none
              : String(Math.round(f.properties.value * 10) / 10);
            box.appendChild(v);
            if (f.properties.drawn === "point") {
              const note = document.createElement("small");
              note.textContent = el.dataset.point;
              box.appendChild(note);
            }
            l.bindPopup(box);
            l.bindTooltip(f.properties.name);
          },
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [12, 12] });
        const legend = L.control({ position: "bottomright" });
        legend.onAdd = () => {
          const div = L.DomUtil.create("div", "insights-legend");
          palette.forEach((c, i) => {
            const row = document.createElement("div");
            const sw = document.createElement("i");
            sw.style.background = c;
            row.appendChild(sw);
            row.appendChild(document.createTextNode(
              "≤ " + Math.round((max * (i + 1)) / palette.length * 10) / 10));
            div.appendChild(row);
          });
          return div;
        };
        legend.addTo(map);
        if (communes.some((f) => f.properties.drawn === "point")) showMessage(el.dataset.point);
        el.dataset.ready = "true";
      })
      .catch(() => showMessage(el.dataset.empty));
  }

  function start() {
    seriesChart();
    compareChart();
    communeMap();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
