import type { AnswerNote } from "./answer-note-form";

/** A reviewer's notes on one answer, oldest first: shown to the reviewer and to the filler on that question. */
export function AnswerNotes({ notes }: { notes: AnswerNote[] }) {
  if (!notes.length) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label="Reviewer notes">
      {notes.map((n) => (
        <li key={n.id} className={`rounded-md border px-3 py-2 text-xs ${n.kind === "REQUEST_INFO" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-800"}`} data-testid="answer-review-note">
          <span className="font-medium">{n.kind === "REQUEST_INFO" ? "Reviewer asks for information" : "Reviewer comment"}</span>{" "}
          <span className="text-slate-500">
            ({n.authorLabel}, {n.createdAt.slice(0, 16).replace("T", " ")} UTC)
          </span>
          : <span className="whitespace-pre-line">{n.body}</span>
        </li>
      ))}
    </ul>
  );
}
