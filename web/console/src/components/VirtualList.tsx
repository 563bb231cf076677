// A list that renders only the rows in view, so 25,000 history events or 10,000 Map iterations scroll smoothly.

import { useState, type ReactNode } from "react";

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  render: (item: T, index: number) => ReactNode;
  testId?: string;
}

export function VirtualList<T>({ items, rowHeight, height, render, testId }: Props<T>) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - 5);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 5);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} className="vrow" style={{ position: "absolute", top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}>
        {render(items[i], i)}
      </div>,
    );
  }
  return (
    <div className="vlist" style={{ height: Math.min(height, Math.max(rowHeight, items.length * rowHeight)), overflowY: "auto", position: "relative" }} onScroll={(e) => setTop(e.currentTarget.scrollTop)} data-testid={testId}>
      <div style={{ height: items.length * rowHeight, position: "relative" }}>{rows}</div>
    </div>
  );
}
