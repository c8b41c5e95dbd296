/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** package.json's version, defined by the build. */
  readonly VITE_APP_VERSION?: string;
}
