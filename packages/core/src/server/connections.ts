import type { Socket } from 'node:net';

/**
 * The TCP socket under a request's socket: the request's own socket for HTTP, the one a TLSSocket
 * wraps for HTTPS (`_parent`, set by Node when it wraps an accepted connection).
 */
function transportOf(socket: Socket): Socket {
  return (socket as Socket & { _parent?: Socket })._parent ?? socket;
}

/**
 * Caps the open connections of a server. At the cap a new connection makes room by closing the
 * oldest connection with no request in progress (an idle keep-alive socket, or one still sending its
 * headers: a half-open request); it is dropped only when every open connection is serving a request.
 * So a client holding many half-open sockets cannot keep a probe out, while the cap still bounds memory.
 */
export class ConnectionGuard {
  /** Open connections, oldest first (a Map keeps insertion order), with their requests in progress. */
  private readonly open = new Map<Socket, number>();

  constructor(private readonly max: number) {}

  /** Takes a new connection, closing an evictable one first when at the cap; drops it if none is. */
  admit(socket: Socket): void {
    if (this.open.size >= this.max && !this.evictOldestIdle()) {
      socket.destroy();
      return;
    }
    this.open.set(socket, 0);
    socket.once('close', () => this.open.delete(socket));
  }

  /** Marks a request in progress on its connection until its response is done. */
  track(requestSocket: Socket, done: (listener: () => void) => void): void {
    const socket = transportOf(requestSocket);
    const busy = this.open.get(socket);
    if (busy === undefined) return;
    this.open.set(socket, busy + 1);
    done(() => {
      const now = this.open.get(socket);
      if (now !== undefined) this.open.set(socket, now - 1);
    });
  }

  private evictOldestIdle(): boolean {
    for (const [socket, busy] of this.open) {
      if (busy === 0) {
        this.open.delete(socket);
        socket.destroy();
        return true;
      }
    }
    return false;
  }
}
