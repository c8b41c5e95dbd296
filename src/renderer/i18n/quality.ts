// Messages of the image-quality badge and the seal box (issue 16), spread into zh.ts and en.ts.
export const QUALITY_ZH = {
  'quality.ok': '图像清晰',
  'quality.flags': '{count} 个图像问题',
  'quality.seal': '印章',
  'quality.noSeal': '未找到印章',
  'quality.flag.copy': '黑白复印件',
  'quality.flag.screen': '翻拍屏幕',
  'quality.flag.blur': '模糊',
  'quality.flag.glare': '反光',
  'quality.flag.border-incomplete': '边缘不完整',
  'quality.flag.covered': '有遮挡',
  'quality.flag.low-resolution': '分辨率低',
} as const;

export const QUALITY_EN: Record<keyof typeof QUALITY_ZH, string> = {
  'quality.ok': 'Image fit to send',
  'quality.flags': '{count} image problems',
  'quality.seal': 'Seal',
  'quality.noSeal': 'No seal found',
  'quality.flag.copy': 'greyscale copy',
  'quality.flag.screen': 'photo of a screen',
  'quality.flag.blur': 'blurred',
  'quality.flag.glare': 'glare',
  'quality.flag.border-incomplete': 'edge cut off',
  'quality.flag.covered': 'covered',
  'quality.flag.low-resolution': 'low resolution',
};
