// Draws a laid-out graph as SVG, with zoom (wheel, buttons), pan (drag) and fit. Every name and label is a text
// node: nothing a user wrote is interpreted as markup.

import ELK from "elkjs/lib/elk-api.js";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from "react";
import type { RunStatus } from "../execution/stateRuns";
import { layoutGraph, type PositionedEdge, type PositionedGraph, type PositionedNode } from "./layout";
import type { GraphModel } from "./model";

// ELK runs in a Web Worker: laying out 100+ states takes long enough that the page would freeze on the main thread.
const elk = new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });

interface Props {
  model: GraphModel;
  /** Status per node id; nodes without one are drawn neutral (definition view) or not reached (execution view). */
  statuses?: ReadonlyMap<string, RunStatus>;
  /** The edges the execution took (by edge id), drawn lit. */
  taken?: ReadonlySet<string>;
  selected?: string;
  onSelect?: (nodeId: string) => void;
}

interface View {
  x: number;
  y: number;
  scale: number;
}

export function GraphView({ model, statuses, taken, selected, onSelect }: Props) {
  const [graph, setGraph] = useState<PositionedGraph>();
  const [error, setError] = useState<string>();
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setGraph(undefined);
    layoutGraph(model, elk).then(
      (g) => live && (setGraph(g), setView(fitView(g, box.current))),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
    };
  }, [model]);

  const zoom = (factor: number, cx?: number, cy?: number) =>
    setView((v) => {
      const scale = Math.min(4, Math.max(0.1, v.scale * factor));
      const rect = box.current?.getBoundingClientRect();
      const px = cx ?? (rect ? rect.width / 2 : 0);
      const py = cy ?? (rect ? rect.height / 2 : 0);
      return { scale, x: px - ((px - v.x) * scale) / v.scale, y: py - ((py - v.y) * scale) / v.scale };
    });

  const onWheel = (e: ReactWheelEvent) => {
    const rect = box.current!.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - rect.left, e.clientY - rect.top);
  };
  const onPointerDown = (e: ReactPointerEvent) => {
    drag.current = { x: e.clientX, y: e.clientY, view, moved: false };
  };
  const onPointerMove = (e: ReactPointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
    if (d.moved) setView({ ...d.view, x: d.view.x + dx, y: d.view.y + dy });
  };
  const onPointerUp = () => {
    // Clicks on nodes still arrive; a drag that moved suppresses them (see onNodeClick).
    setTimeout(() => (drag.current = undefined), 0);
  };

  const edges = useMemo(() => graph?.edges ?? [], [graph]);

  if (error) return <div className="error">The graph could not be laid out: {error}</div>;
  return (
    <div className="graph" ref={box} data-testid="graph">
      <div className="graph-tools">
        <button type="button" title="Zoom in" onClick={() => zoom(1.25)}>+</button>
        <button type="button" title="Zoom out" onClick={() => zoom(0.8)}>−</button>
        <button type="button" title="Fit to the window" onClick={() => graph && setView(fitView(graph, box.current))}>Fit</button>
      </div>
      {!graph && <div className="muted graph-wait">Laying out…</div>}
      <svg
        className="graph-canvas"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={onPointerUp}
      >
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
          </marker>
          <marker id="arrow-taken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head-taken" />
          </marker>
        </defs>
        {graph && (
          <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
            {graph.nodes.filter((n) => n.node.container).map((n) => (
              <Container key={n.node.id} positioned={n} status={statuses?.get(n.node.id)} selected={selected === n.node.id} onClick={() => select(n)} />
            ))}
            {edges.map((e) => (
              <Edge key={e.edge.id} positioned={e} taken={taken?.has(e.edge.id) ?? false} />
            ))}
            {graph.nodes.filter((n) => !n.node.container).map((n) => (
              <Node key={n.node.id} positioned={n} status={statuses?.get(n.node.id) ?? (statuses ? "notReached" : undefined)} selected={selected === n.node.id} onClick={() => select(n)} />
            ))}
          </g>
        )}
      </svg>
    </div>
  );

  function select(n: PositionedNode) {
    if (drag.current?.moved) return;
    if (n.node.kind === "state") onSelect?.(n.node.id);
  }
}

function fitView(graph: PositionedGraph, element: HTMLElement | null): View {
  const width = element?.clientWidth || 800;
  const height = element?.clientHeight || 600;
  const scale = Math.min(1.2, (width - 40) / Math.max(graph.width, 1), (height - 40) / Math.max(graph.height, 1));
  return { scale, x: (width - graph.width * scale) / 2, y: Math.max(20, (height - graph.height * scale) / 2) };
}

function statusClass(status: RunStatus | undefined) {
  return status ? ` status-${status}` : "";
}

function Node({ positioned, status, selected, onClick }: { positioned: PositionedNode; status?: RunStatus; selected: boolean; onClick: () => void }) {
  const { node, x, y, width, height } = positioned;
  if (node.kind === "start" || node.kind === "end") {
    return (
      <g className={`marker marker-${node.kind}`} transform={`translate(${x} ${y})`}>
        <circle cx={width / 2} cy={height / 2} r={width / 2} />
        <text x={width / 2} y={height / 2 + 4} textAnchor="middle">{node.name}</text>
      </g>
    );
  }
  const classes = `node type-${node.type}${node.terminal ? " terminal" : ""}${statusClass(status)}${selected ? " selected" : ""}`;
  return (
    <g className={classes} transform={`translate(${x} ${y})`} onClick={onClick} data-state={node.name} data-status={status ?? ""}>
      <title>{`${node.name} (${node.type})${node.retry.length ? `\nRetry: ${node.retry.map((r) => `${r.errors.join(", ")} ×${r.maxAttempts}`).join("; ")}` : ""}`}</title>
      <rect width={width} height={height} rx={node.type === "Choice" ? 18 : 6} />
      {node.terminal && <rect className="terminal-ring" x={3} y={3} width={width - 6} height={height - 6} rx={4} />}
      <text className="node-name" x={width / 2} y={node.detail ? 22 : height / 2 + 5} textAnchor="middle">{node.name}</text>
      {node.detail && (
        <text className="node-detail" x={width / 2} y={40} textAnchor="middle">{node.detail.length > 40 ? `${node.detail.slice(0, 39)}…` : node.detail}</text>
      )}
      {node.retry.length > 0 && (
        <text className="retry-badge" x={width - 8} y={14} textAnchor="end">↻</text>
      )}
    </g>
  );
}

function Container({ positioned, status, selected, onClick }: { positioned: PositionedNode; status?: RunStatus; selected: boolean; onClick: () => void }) {
  const { node, x, y, width, height } = positioned;
  const classes = `container kind-${node.kind} type-${node.type ?? "branch"}${statusClass(status)}${selected ? " selected" : ""}`;
  return (
    <g className={classes} transform={`translate(${x} ${y})`} data-state={node.kind === "state" ? node.name : undefined} data-status={status ?? ""}>
      <rect width={width} height={height} rx={8} onClick={onClick} />
      <text x={10} y={19} onClick={onClick}>{node.kind === "state" ? `${node.name} · ${node.type}` : node.name}</text>
      {node.retry.length > 0 && <text className="retry-badge" x={width - 10} y={19} textAnchor="end">↻</text>}
    </g>
  );
}

function Edge({ positioned, taken }: { positioned: PositionedEdge; taken: boolean }) {
  const { edge, points, label } = positioned;
  if (points.length < 2) return null;
  const d = points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x} ${p.y}`).join(" ");
  return (
    <g className={`edge edge-${edge.kind}${taken ? " taken" : ""}`} data-edge={`${edge.source}->${edge.target}`}>
      <path d={d} markerEnd={taken ? "url(#arrow-taken)" : "url(#arrow)"} />
      {label && (
        <g className="edge-label" transform={`translate(${label.x} ${label.y})`}>
          <title>{edge.label}</title>
          <rect width={label.width} height={label.height} rx={3} />
          <text x={label.width / 2} y={label.height - 4} textAnchor="middle">{label.text}</text>
        </g>
      )}
    </g>
  );
}
