/** autocannon ships no types; the benchmark uses only this much of it. */
declare module 'autocannon' {
  interface Result { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number }
  function autocannon(opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<Result>;
  export default autocannon;
}
