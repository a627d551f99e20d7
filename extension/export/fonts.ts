// DejaVu Sans (every Vietnamese letter) for PDF comment sheets, bundled with the extension.
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import type { SheetFonts } from './comment-sheet';

async function bytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

export async function loadSheetFonts(): Promise<SheetFonts> {
  const [regular, bold] = await Promise.all([bytes(regularUrl), bytes(boldUrl)]);
  return { regular, bold };
}
