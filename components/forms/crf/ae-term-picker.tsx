"use client";

import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { getAeTerm, searchAeTerms, type AeTerm } from "@/lib/domain/ctcae";

interface Props {
  value: string;
  error?: string;
  registration: UseFormRegisterReturn<"term">;
}

function groupBySoc(terms: readonly AeTerm[]): [string, AeTerm[]][] {
  const groups = new Map<string, AeTerm[]>();
  for (const term of terms) groups.set(term.soc, [...(groups.get(term.soc) ?? []), term]);
  return [...groups];
}

/**
 * CTCAE v5.0 term choice: a search box filters a native select (keyboard and screen-reader
 * friendly without custom ARIA), grouped by system organ class; the SOC of the chosen term
 * is shown. Search matches words and common synonyms (lib/domain/ctcae searchAeTerms).
 */
export function AeTermPicker({ value, error, registration }: Props) {
  const [query, setQuery] = useState("");
  const matches = searchAeTerms(query);
  const chosen = getAeTerm(value);
  // Keep the chosen term selectable even when the search no longer matches it.
  const options = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  return (
    <fieldset className="radio-group">
      <legend>Adverse event (CTCAE v5.0 term)</legend>
      <TextField
        id="termSearch"
        label="Search CTCAE terms"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-controls="term"
        autoComplete="off"
      />
      <p className="muted" aria-live="polite" id="term-count">
        {query
          ? `${matches.length === 1 ? "1 term matches" : `${matches.length} terms match`} "${query}"`
          : `${matches.length} terms`}
      </p>
      <SelectField id="term" label="CTCAE term" error={error} {...registration}>
        <option value="">Choose a term</option>
        {groupBySoc(options).map(([soc, terms]) => (
          <optgroup key={soc} label={soc}>
            {terms.map((term) => (
              <option key={term.term} value={term.term}>
                {term.term}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <p id="term-soc" data-testid="term-soc">
        System organ class: <strong>{chosen ? chosen.soc : "choose a term"}</strong>
        {chosen?.meddraCode ? <span className="muted"> (MedDRA {chosen.meddraCode})</span> : null}
      </p>
    </fieldset>
  );
}
