/**
 * Each report figure as files of its own, for slides and documents: the vector SVG and a PNG
 * rasterised at `reporting.dpi` (SVG px are CSS px, 96 per inch, so the PNG is width × dpi / 96
 * pixels wide). The PNG draws text with the system's fonts (resvg); without any installed font its
 * labels would be blank, so the SVG stays the reference.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { PreparedReport } from './prepare-report.js';

const CSS_PX_PER_INCH = 96;

export interface FigureFiles {
  name: string;
  svg: string;
  png: string;
}

export async function writeFigureFiles(
  prepared: PreparedReport,
  options: { dir: string; dpi: number },
): Promise<FigureFiles[]> {
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const written: FigureFiles[] = [];
  for (const figure of prepared.figures) {
    const svgPath = path.join(dir, `${figure.name}.svg`);
    const pngPath = path.join(dir, `${figure.name}.png`);
    await writeFile(svgPath, figure.svg, 'utf8');
    const png = new Resvg(figure.svg, {
      fitTo: { mode: 'zoom', value: options.dpi / CSS_PX_PER_INCH },
      background: 'white',
      font: { loadSystemFonts: true, defaultFontFamily: 'Helvetica' },
    })
      .render()
      .asPng();
    await writeFile(pngPath, png);
    written.push({ name: figure.name, svg: svgPath, png: pngPath });
  }
  return written;
}
