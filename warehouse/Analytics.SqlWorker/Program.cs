// The SQL worker: speaks the pool's protocol on standard input and output until its input ends or it recycles itself.
// Everything it does is in Analytics.Snapshots (Worker/), so the pool and the worker are one versioned contract.
return Analytics.Snapshots.Worker.WorkerMain.Run(args);
