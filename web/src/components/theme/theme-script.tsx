/**
 * Runs before first paint (inline, with the request's CSP nonce): applies the remembered theme or the
 * system's, so a dark-mode reader never sees a light flash.
 */
const script = `(function(){try{var t=localStorage.getItem('shopstream-theme');var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
