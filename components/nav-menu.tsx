"use client";

import { useState, type MouseEvent, type ReactNode } from "react";

/**
 * On a narrow screen (a tablet at the bedside) the navigation and account links fold behind
 * one "Menu" button so nothing is cut off; on a wide screen the button is hidden by CSS and
 * the links show as before. Following a link closes the menu.
 */
export function NavMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const closeOnLink = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest("a")) setOpen(false);
  };
  return (
    <div className="nav-menu" data-open={open ? "true" : "false"}>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="nav-panel"
        onClick={() => setOpen(!open)}
      >
        Menu
      </button>
      {/* The click handler only closes the menu after a link inside was followed; the links themselves stay keyboard-operable. */}
      <div id="nav-panel" className="nav-panel" onClick={closeOnLink}>
        {children}
      </div>
    </div>
  );
}
