/** `bench:memory`'s baseline: node with @swc-node/register and nothing else loaded. */
process.send!({ rss: process.memoryUsage().rss });
