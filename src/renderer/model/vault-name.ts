/** The app's one IndexedDB vault (the web build and Electron alike). */
export const APP_VAULT_NAME = 'dossier-vault';
