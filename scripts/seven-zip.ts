// 7-Zip's command-line 7za, shipped as a binary inside the npm package 7zip-bin: the
// pack tests read packs back with it, a zip implementation independent of ours (fflate).
import sevenZip from '7zip-bin';

export const SEVEN_ZIP_PATH: string = sevenZip.path7za;
