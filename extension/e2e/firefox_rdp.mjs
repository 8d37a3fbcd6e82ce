// Firefox's own remote debugging protocol (the one about:debugging speaks), for what WebDriver BiDi cannot reach: the
// extension's pages. BiDi leaves moz-extension:// tabs out of its browsing contexts (firefox-esr 140: "extension
// contexts until we support debugging webextensions", bug 1755014), so puppeteer can neither open nor script the options
// page; this client finds the extension's tab and runs script in it, as a reader's clicks would. Firefox listens for it
// when launched with --start-debugger-server (firefox_launch.mjs, TL_RDP_PORT). Packets are "length:json".
import net from "node:net";

/** A connection to Firefox's debugger server on 127.0.0.1:`port`: {request, close}. */
export async function rdpConnect(port) {
  const socket = net.createConnection({ port, host: "127.0.0.1" });
  let buffer = Buffer.alloc(0);
  const unclaimed = [];
  const waiting = [];
  const arrived = (packet) => {
    const i = waiting.findIndex((w) => w.match(packet));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(packet);
    else unclaimed.push(packet);
  };
  socket.on("data", (data) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      const colon = buffer.indexOf(":");
      if (colon < 0) return;
      const end = colon + 1 + Number(buffer.subarray(0, colon).toString());
      if (buffer.length < end) return;
      arrived(JSON.parse(buffer.subarray(colon + 1, end).toString()));
      buffer = buffer.subarray(end);
    }
  });
  await new Promise((resolve, reject) => { socket.once("connect", resolve); socket.once("error", reject); });
  const next = (match) => new Promise((resolve) => {
    const i = unclaimed.findIndex(match);
    if (i >= 0) resolve(unclaimed.splice(i, 1)[0]);
    else waiting.push({ match, resolve });
  });
  await next((p) => p.from === "root");   // (the server's greeting)
  return {
    next,
    close: () => socket.destroy(),
    /** One request to actor `to`; resolves to its reply (events the actor sends meanwhile are left aside). */
    async request(to, type, fields = {}) {
      const body = Buffer.from(JSON.stringify({ to, type, ...fields }));
      socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
      const reply = await next((p) => p.from === to && (!p.type || p.type === type));
      if (reply.error) throw new Error(`${type} to ${to}: ${reply.error} ${reply.message || ""}`);
      return reply;
    },
  };
}

/**
 * The extension's tab whose address ends with `path` ("/options/options.html"), waited for up to 10 s:
 * {url, evaluate(fnSource)}. `evaluate` runs `(fnSource)()` in that page (with its extension APIs), awaits it, and
 * resolves to its value through JSON (a throw comes back as a rejection with its message).
 */
export async function extensionTab(rdp, path) {
  for (let tries = 0; ; tries++) {
    const { tabs } = await rdp.request("root", "listTabs");
    const tab = tabs.find((t) => t.url.startsWith("moz-extension://") && t.url.split(/[?#]/)[0].endsWith(path));
    if (tab) {
      const { consoleActor } = (await rdp.request(tab.actor, "getTarget")).frame;
      return { url: tab.url, evaluate: (fnSource) => evaluate(rdp, consoleActor, fnSource) };
    }
    if (tries >= 40) throw new Error(`no extension tab at ${path}: ${tabs.map((t) => t.url).join(" ")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function evaluate(rdp, consoleActor, fnSource) {
  const text = `(async () => { try { return JSON.stringify({ value: await (${fnSource})() }); }
    catch (err) { return JSON.stringify({ error: String(err && err.message || err) }); } })()`;
  const { resultID } = await rdp.request(consoleActor, "evaluateJSAsync", { text, mapped: { await: true } });
  const done = await rdp.next((p) => p.type === "evaluationResult" && p.resultID === resultID);
  if (typeof done.result !== "string") throw new Error(`evaluation failed: ${JSON.stringify(done).slice(0, 500)}`);
  const out = JSON.parse(done.result);
  if ("error" in out) throw new Error(out.error);
  return out.value;
}
