/**
 * The smallest load balancer: a TCP proxy on 127.0.0.1 that forwards each new connection to the first of its
 * backends that accepts it, in its own order. A node that is shutting down stops listening first, so new
 * connections (a client reconnecting after 1012) go to the next node.
 */
import net from 'node:net';

export interface FailoverProxy {
  port: number;
  close(): Promise<void>;
}

function connectFirst(ports: readonly number[], index = 0): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (index >= ports.length) {
      reject(new Error('no backend accepted the connection'));
      return;
    }
    const upstream = net.connect(ports[index]!, '127.0.0.1');
    upstream.once('connect', () => {
      upstream.removeAllListeners('error');
      resolve(upstream);
    });
    upstream.once('error', () => {
      upstream.destroy();
      connectFirst(ports, index + 1).then(resolve, reject);
    });
  });
}

export async function startFailoverProxy(backends: readonly number[]): Promise<FailoverProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.pause();
    client.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    connectFirst(backends).then(
      (upstream) => {
        sockets.add(upstream);
        upstream.on('error', () => upstream.destroy());
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
