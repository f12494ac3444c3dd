"use client";

import { useState } from "react";
import { monthGrid } from "@/lib/dates/normalize-date-input";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";
import { TableHead } from "./table-head";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

interface Props {
  id: string;
  /** The field's value if it is a date (yyyy-mm-dd): the month shown first and the day marked. */
  value: string;
  today: string;
  onPick: (value: string) => void;
  onClose: () => void;
}

/** A month of days as buttons named by their day and ISO date ("9 (2026-01-09)"), with month steps, Today and Close. Escape closes it. */
export function CalendarPopover({ id, value, today, onPick, onClose }: Props) {
  const start = ISO_DATE_PATTERN.test(value) ? value : today;
  const [shown, setShown] = useState({ year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) });
  const step = (delta: number) => {
    const index = shown.year * 12 + (shown.month - 1) + delta;
    setShown({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  };
  return (
    <div
      id={id}
      className="calendar-popover"
      role="group"
      aria-label={`Calendar, ${MONTHS[shown.month - 1]} ${shown.year}`}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <div className="calendar-head">
        <button type="button" className="link-button" onClick={() => step(-1)}>
          Previous month
        </button>
        <strong aria-live="polite">
          {MONTHS[shown.month - 1]} {shown.year}
        </strong>
        <button type="button" className="link-button" onClick={() => step(1)}>
          Next month
        </button>
      </div>
      <table className="calendar-grid">
        <TableHead columns={WEEKDAYS} />
        <tbody>
          {monthGrid(shown.year, shown.month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => (
                <td key={d}>
                  {day ? (
                    <button
                      type="button"
                      aria-pressed={day === value}
                      aria-current={day === today ? "date" : undefined}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8))}
                      {/* The name keeps the visible day first (WCAG 2.5.3) and adds the whole ISO date for screen readers. */}
                      <span className="visually-hidden"> ({day})</span>
                    </button>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar-foot">
        <button type="button" className="button secondary" onClick={() => onPick(today)}>
          Today
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
