"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { answerQueryAction, closeQueryAction, openQueryAction, reopenQueryAction } from "@/app/patients/[id]/actions";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { DataQueryView } from "@/lib/data/data-queries";
import { formatDateTime } from "@/lib/format-date";
import { FormError } from "@/components/ui/form-error";

interface Props {
  patientId: string;
  recordId: string;
  queries: DataQueryView[];
  fields: { path: string; label: string }[];
  userId: string;
  canOpen: boolean;
  canAnswer: boolean;
  canClose: boolean;
}

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/**
 * Marks every field that has an open query (outline and a note read by screen readers),
 * using the field names react-hook-form gives the inputs, so every form gets it for free.
 * Fields can mount after this panel (a form section shown later, a remount after a save):
 * the markers are re-applied whenever the page's elements change.
 */
function useFieldMarkers(queries: DataQueryView[]) {
  useEffect(() => {
    const open = queries.filter((q) => q.status !== "CLOSED");
    const marked = new Set<HTMLElement>();
    const mark = () => {
      for (const query of open) {
        const field = document.querySelector<HTMLElement>(`form [name="${CSS.escape(query.fieldPath)}"]`);
        if (!field || marked.has(field)) continue;
        field.setAttribute("data-open-query", query.status.toLowerCase());
        field.setAttribute("aria-description", `Open data query: ${query.messages[0]?.text ?? ""}`);
        marked.add(field);
      }
    };
    mark();
    // Attribute changes are not observed, so marking cannot trigger itself.
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      marked.forEach((f) => (f.removeAttribute("data-open-query"), f.removeAttribute("aria-description")));
    };
  }, [queries]);
}

export function QueryPanel({ patientId, recordId, queries, fields, userId, canOpen, canAnswer, canClose }: Props) {
  const router = useRouter();
  const [fieldPath, setFieldPath] = useState("");
  const [text, setText] = useState("");
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // A problem with a query's note is shown at that note, not at the top of the section.
  const [noteError, setNoteError] = useState<{ queryId: string; message: string } | null>(null);
  useFieldMarkers(queries);

  async function submit(
    event: FormEvent,
    action: () => Promise<Result>,
    reset: () => void,
    queryId?: string,
    emptyNote?: string,
  ) {
    event.preventDefault();
    setError(null);
    setNoteError(null);
    if (queryId && emptyNote) return setNoteError({ queryId, message: emptyNote });
    const result = await action();
    if (!result.ok) {
      const onNote = result.fieldErrors?.text?.[0];
      if (queryId && onNote) return setNoteError({ queryId, message: onNote });
      return setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message ?? "Not saved.");
    }
    reset();
    router.refresh();
  }

  return (
    <section className="card" aria-labelledby="queries-heading">
      <h2 id="queries-heading">Data queries</h2>
      <FormError message={error} />
      {queries.length === 0 ? <p className="muted">No queries on this form.</p> : null}
      {queries.map((query) => {
        const reply = replies[query.id] ?? "";
        const setReply = (value: string) => setReplies((r) => ({ ...r, [query.id]: value }));
        const ref = { patientId, queryId: query.id, text: reply };
        const mine = query.openedById === userId;
        const answering = canAnswer && query.status === "OPEN";
        const blank = reply.trim() === "";
        return (
          <article
            key={query.id}
            className={`query query-${query.status.toLowerCase()}`}
            aria-label={`Query on ${query.fieldLabel}`}
          >
            <h3>
              {query.fieldLabel} <span className="query-status">{query.status.toLowerCase()}</span>
            </h3>
            <ol className="query-messages">
              {query.messages.map((m, i) => (
                <li key={i}>
                  <strong>{m.authorName}</strong> ({m.kind.toLowerCase()}, {formatDateTime(m.createdAt)}): {m.text}
                </li>
              ))}
            </ol>
            {(canAnswer && query.status === "OPEN") || (canClose && mine) ? (
              <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
                <TextField
                  id={`reply-${query.id}`}
                  label={answering ? "Reply" : "Closing note (or why you re-open)"}
                  value={reply}
                  onChange={(e) => setReply(e.target.value)}
                  error={noteError?.queryId === query.id ? noteError.message : undefined}
                />
                {answering ? (
                  <button
                    className="button"
                    onClick={(e) =>
                      submit(
                        e,
                        () => answerQueryAction(ref),
                        () => setReply(""),
                        query.id,
                        blank ? "Write your reply to the query" : undefined,
                      )
                    }
                  >
                    Answer
                  </button>
                ) : null}
                {canClose && mine && query.status !== "CLOSED" ? (
                  <button
                    className="button secondary"
                    onClick={(e) =>
                      submit(
                        e,
                        () => closeQueryAction(ref),
                        () => setReply(""),
                        query.id,
                        blank ? "Write a closing note: how the query was resolved" : undefined,
                      )
                    }
                  >
                    Close query
                  </button>
                ) : null}
                {canClose && mine && query.status !== "OPEN" ? (
                  <button
                    className="button secondary"
                    onClick={(e) =>
                      submit(
                        e,
                        () => reopenQueryAction(ref),
                        () => setReply(""),
                        query.id,
                        blank ? "Write why the query is re-opened" : undefined,
                      )
                    }
                  >
                    Re-open
                  </button>
                ) : null}
              </form>
            ) : null}
          </article>
        );
      })}
      {canOpen ? (
        <form
          aria-label="Raise a query"
          onSubmit={(e) =>
            submit(
              e,
              () => openQueryAction({ patientId, recordId, fieldPath, text }),
              () => {
                setText("");
                setFieldPath("");
              },
            )
          }
        >
          <h3>Raise a query</h3>
          <SelectField id="query-field" label="Field" value={fieldPath} onChange={(e) => setFieldPath(e.target.value)}>
            <option value="">Choose the field</option>
            {fields.map((f) => (
              <option key={f.path} value={f.path}>
                {f.label}
              </option>
            ))}
          </SelectField>
          <TextField
            id="query-text"
            label="Question for the site"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            Raise query
          </button>
        </form>
      ) : null}
    </section>
  );
}
