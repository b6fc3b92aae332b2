import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface LazyTab<K extends string> {
  key: K;
  label: string;
  render: () => ReactNode;
}

interface LazyTabsProps<K extends string> {
  label: string;
  items: readonly LazyTab<K>[];
  activeKey: K;
  onChange: (key: K) => void;
}

/**
 * WAI-ARIA tabs whose panels mount the first time they are shown and then stay mounted (hidden),
 * so each panel's data is fetched on first open only. Lighter than antd Tabs (no overflow menu).
 */
export function LazyTabs<K extends string>({ label, items, activeKey, onChange }: LazyTabsProps<K>) {
  const id = useId();
  const [visited, setVisited] = useState<ReadonlySet<K>>(() => new Set([activeKey]));
  if (!visited.has(activeKey)) setVisited(new Set(visited).add(activeKey));
  const tabRefs = useRef(new Map<K, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.key === activeKey);
    const last = items.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const key = items[(next + items.length) % items.length]!.key;
    onChange(key);
    tabRefs.current.get(key)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {items.map((item) => {
          const selected = item.key === activeKey;
          return (
            <button
              key={item.key}
              ref={(element) => {
                if (element) tabRefs.current.set(item.key, element);
                else tabRefs.current.delete(item.key);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${item.key}`}
              aria-selected={selected}
              // a panel exists once its tab was opened; aria-controls must not name a missing id
              aria-controls={visited.has(item.key) ? `${id}-panel-${item.key}` : undefined}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'tabs__tab is-selected' : 'tabs__tab'}
              onClick={() => onChange(item.key)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items
        .filter((item) => visited.has(item.key))
        .map((item) => (
          <div
            key={item.key}
            role="tabpanel"
            id={`${id}-panel-${item.key}`}
            aria-labelledby={`${id}-tab-${item.key}`}
            hidden={item.key !== activeKey}
            className="tabs__panel"
          >
            {item.render()}
          </div>
        ))}
    </div>
  );
}
