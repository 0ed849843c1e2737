export { defaultImageLimits, inspectImage, UnacceptableImage, type ImageFacts, type ImageLimits } from './image.js';
export { defaultOcrOptions, readImageText, type OcrOptions } from './ocr.js';
export { hammingDistance, perceptualHash } from './phash.js';
export { DirectoryMediaStore, type MediaStore } from './store.js';
export { thumbnail, thumbnailSide } from './thumbnail.js';
export { openMediaStore, type MediaStoreSettings } from './open-store.js';
export { S3MediaStore, type S3StoreOptions } from './s3-store.js';
