import sharp from 'sharp';

/** The web variant's longest side, the thumbnail's, and the WebP qualities (photos, scans). */
export const imageLimits = {
  webSide: 2048,
  thumbSide: 256,
  photoQuality: 80,
  scanQuality: 85,
  thumbQuality: 75,
  /** Pixel bombs: an image claiming more pixels than this is refused before it is decoded. */
  maxInputPixels: 50_000_000,
  /** Bytes: larger uploads are not converted (the upload limit applies before this). */
  maxInputBytes: 40 * 1024 * 1024,
} as const;

// one conversion at a time per thread pool slot: the job's concurrency bounds the rest
sharp.concurrency(1);

/** Uploads converted to WebP variants (by their declared type; the content decides in the job). */
export const isConvertibleImage = (mimeType: string) =>
  /^image\/(jpeg|png|webp|heic|heif|tiff|avif)$/.test(mimeType.split(';')[0]!.trim().toLowerCase());

export interface ConvertedImage {
  kind: 'photo' | 'scan';
  web: { data: Buffer; width: number; height: number };
  thumb: { data: Buffer; width: number; height: number };
}

export class ImageRefused extends Error {}

/**
 * A scan is a page: most of it is paper, light and without colour. A photo with a bright sky is
 * light too, but coloured. Scans keep more quality (text edges); photos compress harder.
 */
async function looksLikeScan(input: Buffer): Promise<boolean> {
  const { data, info } = await sharp(input, { limitInputPixels: imageLimits.maxInputPixels })
    .resize(64, 64, { fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let paper = 0;
  const pixels = info.width * info.height;
  for (let i = 0; i < pixels; i++) {
    const px = Array.from(data.subarray(i * info.channels, i * info.channels + Math.min(3, info.channels)));
    const [low, high] = [Math.min(...px), Math.max(...px)];
    if (high - low < 24 && low > 190) paper += 1;
  }
  return paper / pixels > 0.5;
}

/**
 * The web and thumbnail variants of an uploaded image: turned upright by its EXIF orientation,
 * shrunk to fit 2048 px (256 px), WebP, and with every other piece of metadata dropped.
 */
export async function convertImage(input: Buffer): Promise<ConvertedImage> {
  if (input.length > imageLimits.maxInputBytes)
    throw new ImageRefused(`larger than ${imageLimits.maxInputBytes} bytes`);
  const options = { limitInputPixels: imageLimits.maxInputPixels, failOn: 'error' as const };
  try {
    const meta = await sharp(input, options).metadata();
    if (!meta.width || !meta.height) throw new ImageRefused('not an image');
    const kind = (await looksLikeScan(input)) ? 'scan' : 'photo';
    const variant = async (side: number, quality: number) => {
      const { data, info } = await sharp(input, options)
        .autoOrient()
        .resize(side, side, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    };
    return {
      kind,
      web: await variant(imageLimits.webSide, kind === 'scan' ? imageLimits.scanQuality : imageLimits.photoQuality),
      thumb: await variant(imageLimits.thumbSide, imageLimits.thumbQuality),
    };
  } catch (error) {
    if (error instanceof ImageRefused) throw error;
    // sharp's own refusals: an undecodable file, a pixel count over the limit
    throw new ImageRefused((error as Error).message.slice(0, 200));
  }
}
