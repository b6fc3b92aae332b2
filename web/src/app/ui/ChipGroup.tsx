interface ChipOption<T extends string> {
  value: T;
  label: string;
}

interface ChipGroupProps<T extends string> {
  /** Accessible name of the group (visually the chips speak for themselves). */
  label: string;
  options: readonly ChipOption<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** Single choice: pressing a chip selects only it and it cannot be unpressed. */
  single?: boolean;
}

/** Toggle chips: plain buttons with aria-pressed, ≥ 44 px tall, no antd needed. */
export function ChipGroup<T extends string>({ label, options, value, onChange, single = false }: ChipGroupProps<T>) {
  const toggle = (option: T) => {
    if (single) return onChange([option]);
    onChange(value.includes(option) ? value.filter((v) => v !== option) : [...value, option]);
  };
  return (
    <div role="group" aria-label={label} className="chips">
      {options.map((option) => {
        const pressed = value.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            className={pressed ? 'chip is-pressed' : 'chip'}
            aria-pressed={pressed}
            onClick={() => toggle(option.value)}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
