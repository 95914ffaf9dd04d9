"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";

export interface ComboboxOption {
  id: string;
  label: string;
}

/** How many options a search asks for (the route allows up to 50). */
const LIMIT = 20;
/** Wait this long after the last key before searching, so typing "openai" is one request, not six. */
const DEBOUNCE_MS = 200;

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 aria-[invalid=true]:border-red-500";

interface Props {
  label: string;
  /** A GET route answering `{ items: [{ id, label }], more }` for `?q=…&limit=…` (app/api/pickers/…). */
  source: string;
  /** The chosen id ("" for none). Without onChange the combobox keeps its own choice (plain forms). */
  value?: string;
  /** The chosen option's label, shown on edit pages and bookmarked filters without loading a list. */
  selectedLabel?: string;
  onChange?: (option: ComboboxOption | null) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** For plain server-action or GET forms: a hidden input of this name carries the chosen id. */
  name?: string;
  /** Submit the form once a choice is made (a filter form that applies at once). */
  submitOnChoose?: boolean;
  placeholder?: string;
  error?: string;
  hint?: string;
  id?: string;
  disabled?: boolean;
  className?: string;
  labelClassName?: string;
}

/**
 * A searchable picker over a register-sized table (issue 17): the page ships only the chosen
 * option; what matches the typed words is fetched from the server, 20 at a time. The WAI-ARIA 1.2
 * combobox pattern (list autocomplete, manual selection): the input is the combobox, focus stays
 * in it, the highlighted option is aria-activedescendant. Keys: Down/Up open the list and move,
 * Home/End jump to the first/last option while it is open, Enter chooses, Escape closes (and, when
 * closed, clears the text). The value changes only when an option is chosen or the text is
 * emptied; leaving the field with half-typed words puts the chosen label back. A polite live
 * region says how many options matched.
 */
export function AsyncCombobox({ label, source, value, selectedLabel, onChange, onBlur, inputRef, name, submitOnChoose, placeholder, error, hint, id, disabled, className = "", labelClassName }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  const listboxId = `${inputId}-listbox`;
  const optionId = (i: number) => `${inputId}-option-${i}`;

  const [selected, setSelected] = useState<ComboboxOption | null>(value ? { id: value, label: selectedLabel ?? "" } : null);
  const [text, setText] = useState(selected?.label ?? "");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [more, setMore] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  // The list answered for this query (null before the first answer), so "No matches" is never said early.
  const [answered, setAnswered] = useState<string | null>(null);
  const hidden = useRef<HTMLInputElement>(null);
  const submitAfterRender = useRef(false);

  // A controlled value changed from outside (a form reset, a page that chose for the user).
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if ((value ?? "") !== (selected?.id ?? "")) {
      const next = value ? { id: value, label: value === selected?.id ? selected.label : (selectedLabel ?? "") } : null;
      setSelected(next);
      setText(next?.label ?? "");
    }
  }

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      setFailed(null);
      try {
        const response = await fetch(`${source}?${new URLSearchParams({ q: query, limit: String(LIMIT) })}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        const body = (await response.json().catch(() => null)) as { items?: ComboboxOption[]; more?: boolean; error?: string } | null;
        if (!response.ok || !body?.items) throw new Error(response.status === 401 ? "Your session ended: sign in again." : (body?.error ?? "Could not load the options."));
        setOptions(body.items);
        setMore(Boolean(body.more));
        setActive((a) => (a >= body.items!.length ? body.items!.length - 1 : a));
        setAnswered(query);
      } catch (e) {
        if (controller.signal.aborted) return;
        setOptions([]);
        setFailed(e instanceof Error ? e.message : "Could not load the options.");
        setAnswered(query);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query, source]);

  useEffect(() => {
    if (open && active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: "nearest" });
    // optionId is derived from inputId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, active]);

  // Submitted after the render that put the new id in the hidden input.
  useEffect(() => {
    if (!submitAfterRender.current) return;
    submitAfterRender.current = false;
    hidden.current?.form?.requestSubmit();
  }, [selected]);

  const choose = (option: ComboboxOption | null) => {
    setSelected(option);
    setText(option?.label ?? "");
    setQuery("");
    setOpen(false);
    setActive(-1);
    if ((option?.id ?? "") !== (selected?.id ?? "")) {
      onChange?.(option);
      if (submitOnChoose) submitAfterRender.current = true;
    }
  };

  const openList = (highlight: "first" | "last" | "none") => {
    setOpen(true);
    // The list shows what the words typed since the last choice match; with a choice shown, everything.
    if (text === (selected?.label ?? "")) setQuery("");
    if (highlight === "none" || options.length === 0) setActive(-1);
    else setActive(highlight === "first" ? 0 : options.length - 1);
  };

  const current = answered === query && !loading;
  // Keys move only through the list answered for what is typed now (never a stale one), so a fast
  // Down + Enter cannot choose an option of the previous words.
  const shown = open && current ? options : [];

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) openList("first");
        else if (shown.length) setActive((a) => (a + 1) % shown.length);
        break;
      case "ArrowUp":
        e.preventDefault();
        if (!open) openList("last");
        else if (shown.length) setActive((a) => (a <= 0 ? shown.length - 1 : a - 1));
        break;
      case "Home":
        if (open && shown.length) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case "End":
        if (open && shown.length) {
          e.preventDefault();
          setActive(shown.length - 1);
        }
        break;
      case "Enter":
        if (open) {
          // Enter chooses; it never submits the form while the list is open.
          e.preventDefault();
          if (active >= 0 && shown[active]) choose(shown[active]);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          choose(null);
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  };

  const status = !open
    ? ""
    : failed
      ? failed
      : !current
        ? ""
        : options.length === 0
          ? "No matches."
          : `${options.length} ${options.length === 1 ? "option" : "options"}${more ? " shown; type more to narrow them" : ""}. Use Up and Down to move, Enter to choose.`;
  const describedBy = [error ? `${inputId}-error` : hint ? `${inputId}-hint` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={`relative ${className}`}>
      <label htmlFor={inputId} className={labelClassName ?? "mb-1 block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={open && active >= 0 && shown[active] ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        className={control}
        placeholder={placeholder}
        disabled={disabled}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setQuery(e.target.value.trim());
          setOpen(true);
          setActive(-1);
        }}
        onClick={() => (open ? null : openList("none"))}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          // Emptied: no choice. Half-typed: the last choice stands, and shows again.
          if (!text.trim()) choose(null);
          else setText(selected?.label ?? "");
          onBlur?.();
        }}
      />
      {name ? <input ref={hidden} type="hidden" name={name} value={selected?.id ?? ""} /> : null}
      <div className={open ? "absolute left-0 right-0 z-30 mt-1 rounded-md border border-slate-200 bg-white shadow-lg" : "hidden"}>
        <ul
          id={listboxId}
          role="listbox"
          aria-label={label}
          className="max-h-64 overflow-auto py-1 text-sm"
          // Clicking an option must not blur the input first (which would close the list).
          onMouseDown={(e) => e.preventDefault()}
        >
          {(open ? options : []).map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={current && i === active}
              className={`cursor-pointer px-3 py-2 ${i === active && current ? "bg-brand-600 text-white" : "text-slate-800 hover:bg-slate-100"} ${o.id === selected?.id ? "font-semibold" : ""} ${current ? "" : "opacity-60"}`}
              onClick={() => choose(o)}
              onMouseMove={() => (i === active ? null : setActive(i))}
            >
              {o.label}
            </li>
          ))}
        </ul>
        {open && (!current || options.length === 0 || failed || more) ? (
          <p className={`border-t border-slate-100 px-3 py-2 text-xs ${failed ? "text-red-700" : "text-slate-500"}`} aria-hidden="true" data-testid="combobox-hint">
            {failed ?? (!current ? "Searching…" : options.length === 0 ? "No matches." : "Type more to narrow the list.")}
          </p>
        ) : null}
      </div>
      {/* A live region without role="status", so a page's own status message stays the one status. */}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="combobox-announcement">
        {status}
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
