"use client";

import { useRef } from "react";
import { saveDownload } from "@/components/save-download";

function serialize(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // Charts style themselves with attributes, so the file renders the same outside the page.
  copy.setAttribute("font-family", getComputedStyle(svg).fontFamily || "sans-serif");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** "Download SVG" and "Download PNG" for the chart in the same figure (PNG drawn through a canvas at 2x). */
export function ChartDownload({ filename }: { filename: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const svgOf = () => ref.current?.closest("figure")?.querySelector("svg") ?? null;

  const saveSvg = () => {
    const svg = svgOf();
    if (!svg) return;
    saveDownload(new Blob([serialize(svg)], { type: "image/svg+xml" }), `${filename}.svg`);
  };

  const savePng = () => {
    const svg = svgOf();
    if (!svg) return;
    const { width, height } = svg.viewBox.baseVal;
    const image = new Image();
    const url = URL.createObjectURL(new Blob([serialize(svg)], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d");
      if (!context) return;
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && saveDownload(blob, `${filename}.png`), "image/png");
    };
    image.src = url;
  };

  return (
    <div className="chart-download" ref={ref}>
      <button type="button" className="button secondary" onClick={saveSvg}>
        Download SVG<span className="visually-hidden"> of this chart</span>
      </button>
      <button type="button" className="button secondary" onClick={savePng}>
        Download PNG<span className="visually-hidden"> of this chart</span>
      </button>
    </div>
  );
}
