/** The options page: Qingdu's defaults and rules. */
export function Options() {
  return (
    <main class="options">
      <h1>清读 设置</h1>
    </main>
  );
}
