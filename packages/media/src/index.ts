export { defaultImageLimits, inspectImage, UnacceptableImage, type ImageFacts, type ImageLimits } from './image.js';
export { defaultOcrOptions, readImageText, type OcrOptions } from './ocr.js';
export { hammingDistance, perceptualHash } from './phash.js';
export { DirectoryMediaStore, type MediaStore } from './store.js';
export { thumbnail, thumbnailSide } from './thumbnail.js';
