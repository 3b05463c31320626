/** One line the OCR models read on a page image: its text, the models' mean confidence (0–1) and its box in pixels. */
export interface OcrLine {
  text: string;
  confidence: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the text lines on one page image (PNG, JPEG or TIFF bytes). */
export interface PageOcr {
  /** Names the models, so a text cache made with other models is not used. */
  readonly version: string;
  read(image: Uint8Array): Promise<OcrLine[]>;
}

/** A line below this confidence is counted as low in the ingest report; a passage mostly made of such lines is flagged. */
export const LOW_CONFIDENCE = 0.9;
