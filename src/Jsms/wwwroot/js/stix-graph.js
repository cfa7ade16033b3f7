// The entity page's relationship graph: readable objects around the one shown (depth 1 or 2), drawn with cytoscape.
// A click on a node opens that object's page.
(function () {
  "use strict";
  const box = document.getElementById("stix-graph");
  if (!box || typeof cytoscape === "undefined") {
    return;
  }
  const depth = document.getElementById("stix-graph-depth");
  const colours = {
    "threat-actor": "#b3261e", "intrusion-set": "#8e24aa", "malware": "#d84315", "indicator": "#1565c0",
    "location": "#2e7d32", "campaign": "#6d4c41", "identity": "#00838f", "report": "#546e7a", "sighting": "#f9a825",
  };
  let cy = null;

  async function load() {
    const response = await fetch(box.dataset.src + "?depth=" + encodeURIComponent(depth ? depth.value : "1"), { headers: { Accept: "application/json" } });
    if (!response.ok) {
      box.textContent = "The graph could not be loaded.";
      return;
    }
    const graph = await response.json();
    const elements = graph.nodes.map((n) => ({
      data: { id: n.id, label: n.label + "\n(" + n.type + ")", url: n.url, colour: colours[n.type] || "#455a64", root: n.depth === 0 ? 1 : 0 },
    })).concat(graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: e.label } })));
    if (cy) {
      cy.destroy();
    }
    box.setAttribute("data-nodes", String(graph.nodes.length));
    box.setAttribute("data-edges", String(graph.edges.length));
    cy = cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      maxZoom: 1.6,
      minZoom: 0.2,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", label: "data(label)", "text-wrap": "wrap", "text-max-width": "130px",
          "font-size": "11px", "text-valign": "bottom", "text-margin-y": "4px", color: "#1b1b1b", width: "22px", height: "22px",
        } },
        { selector: "node[root = 1]", style: { width: "34px", height: "34px", "border-width": "3px", "border-color": "#111" } },
        { selector: "edge", style: {
          width: 1.5, "line-color": "#90a4ae", "target-arrow-color": "#90a4ae", "target-arrow-shape": "triangle",
          "curve-style": "bezier", label: "data(label)", "font-size": "9px", color: "#37474f", "text-rotation": "autorotate",
          "text-background-color": "#fff", "text-background-opacity": 0.8,
        } },
      ],
      layout: graph.nodes.length > 12
        ? { name: "cose", padding: 30, animate: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 110 }
        : { name: "concentric", concentric: (n) => (n.data("root") ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 110, padding: 40, animate: false },
    });
    cy.on("tap", "node", (event) => {
      const url = event.target.data("url");
      if (url && event.target.data("root") !== 1) {
        window.location.assign(url);
      }
    });
    box.setAttribute("data-ready", "true");
  }

  if (depth) {
    depth.addEventListener("change", load);
  }
  load();
})();
