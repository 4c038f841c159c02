/**
 * A network drawn with Cytoscape: a thin React wrapper that builds the graph when its elements change and destroys
 * it on unmount. The canvas is an image to assistive technology (role="img", named by `label`); the page puts the
 * same data in a table beside it (the text alternative). The container carries the drawn counts
 * (data-nodes, data-edges) so tests can check them against the client's reads.
 */
import cytoscape, { type ElementDefinition, type LayoutOptions, type StylesheetJson } from "cytoscape";
import { useEffect, useRef } from "react";

export interface GraphNode {
  id: string;
  label: string;
  /** Space-separated classes for the stylesheet (e.g. "commons", "centre"). */
  classes?: string;
  /** Concentric layouts: higher is nearer the centre. */
  level?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  /** Thickness 1–8 (scaled by the caller). */
  width?: number;
  classes?: string;
}

/** Colours from the stylesheet's palette (contrast at least 4.5:1 on white for labels). */
const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "background-color": "#1f5f3f",
      color: "#1b1f1d",
      "font-size": 11,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": "120px",
      width: 22,
      height: 22,
    },
  },
  { selector: "node.commons", style: { shape: "round-rectangle", "background-color": "#4a524e" } },
  { selector: "node.centre", style: { "background-color": "#b45309", width: 30, height: 30 } },
  { selector: "node.departed", style: { "background-opacity": 0.45 } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#4a524e",
      "target-arrow-color": "#4a524e",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 10,
      color: "#1b1f1d",
      "text-background-color": "#ffffff",
      "text-background-opacity": 1,
      "text-background-padding": "2px",
    },
  },
  {
    selector: "edge.one-sided",
    style: { "line-color": "#9b1c1c", "target-arrow-color": "#9b1c1c", "line-style": "dashed" },
  },
];

export function Graph({
  label,
  nodes,
  edges,
  layout,
  testId,
}: {
  label: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  layout: "circle" | "concentric";
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  // Rebuild only when what is drawn changes (the arrays are new on every render).
  const key = JSON.stringify([nodes, edges, layout]);
  useEffect(() => {
    if (!container.current) return;
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({
        data: { id: n.id, label: n.label, level: n.level ?? 0 },
        classes: n.classes,
      })),
      ...edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, label: e.label ?? "", width: e.width ?? 2 },
        classes: e.classes,
      })),
    ];
    const options: LayoutOptions =
      layout === "concentric"
        ? {
            name: "concentric",
            concentric: (node) => node.data("level") as number,
            levelWidth: () => 1,
            minNodeSpacing: 40,
            animate: false,
          }
        : { name: "circle", animate: false, padding: 30 };
    const cy = cytoscape({
      container: container.current,
      elements,
      style: STYLE,
      layout: options,
      // A picture to read, not a tool: no dragging or zooming that would trap a scrolling finger on a phone.
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.fit(undefined, 30);
    const el = container.current;
    el.dataset.nodes = String(cy.nodes().length);
    el.dataset.edges = String(cy.edges().length);
    el.dataset.marked = String(cy.edges(".one-sided").length);
    return () => cy.destroy();
  }, [key]);
  return <div ref={container} className="graph" role="img" aria-label={label} data-testid={testId} />;
}
