// A browser's part in a sign-in, over real HTTP: cookies kept per host, redirects followed,
// forms submitted. Enough to walk an OpenID Connect provider's login and consent pages.

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** One request, with this browser's cookies for the host; keeps what the response sets. */
  async send(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
    const headers = new Headers(init.headers);
    if (cookies) headers.set("cookie", cookies);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    const jar = this.jar.get(target.host) ?? new Map<string, string>();
    this.jar.set(target.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)) < new Date()),
      );
      if (expired || value.join("=") === "") jar.delete(name);
      else jar.set(name, value.join("="));
    }
    return response;
  }

  /**
   * Follows redirects from `url` until a page answers, or until the next hop would leave for
   * `stopAtOrigin` (the portal, which is not running): returns the last response and its URL.
   */
  async follow(
    url: string,
    init: RequestInit = {},
    stopAtOrigin?: string,
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.send(current, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get("location") as string, current).href;
      if (stopAtOrigin && next.startsWith(stopAtOrigin)) break;
      current = next;
      response = await this.send(current);
    }
    return { response, url: current };
  }

  /** Submits the page's first form (its action, method POST) with the given fields. */
  async submitForm(pageUrl: string, html: string, fields: Record<string, string>, stopAtOrigin?: string) {
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No form on ${pageUrl}: ${html.slice(0, 300)}`);
    return this.follow(
      new URL(action.replaceAll("&amp;", "&"), pageUrl).href,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      },
      stopAtOrigin,
    );
  }
}
