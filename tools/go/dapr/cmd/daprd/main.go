// Command daprd is Shopstream's build of the Dapr sidecar: the runtime of github.com/dapr/dapr (the version
// in ../../go.mod) with only the component types our profiles load (components.go), instead of upstream's
// `allcomponents` build, which compiles the SDKs of every cloud Dapr supports. Written against Dapr's public
// packages (cmd/daprd/options, pkg/runtime, pkg/security, ...); see adr/0061 for what to check on a Dapr
// upgrade. The version is stamped at build time, as for upstream's binary:
//
//	-ldflags "-X github.com/dapr/dapr/pkg/buildinfo.version=<version>"
package main

import (
	"context"
	"fmt"
	"os"

	"go.opencensus.io/stats/view"
	"go.uber.org/automaxprocs/maxprocs"

	"github.com/dapr/dapr/cmd/daprd/options"
	"github.com/dapr/dapr/pkg/buildinfo"
	"github.com/dapr/dapr/pkg/healthz"
	"github.com/dapr/dapr/pkg/metrics"
	"github.com/dapr/dapr/pkg/modes"
	"github.com/dapr/dapr/pkg/runtime"
	"github.com/dapr/dapr/pkg/security"
	"github.com/dapr/kit/concurrency"
	"github.com/dapr/kit/logger"
	"github.com/dapr/kit/signals"
)

var log = logger.NewLogger("dapr.runtime")

func main() {
	// The sidecar honours a CPU quota the way upstream's does.
	_, _ = maxprocs.Set()

	opts, err := options.New(os.Args[1:])
	if err != nil {
		log.Fatalf("Failed to parse flags: %v", err)
	}
	registry := componentRegistry(logger.NewLogger("dapr.contrib"))
	if done := answerInfoFlags(opts); done {
		return
	}

	opts.Logger.SetAppID(opts.AppID)
	if err := logger.ApplyOptionsToLoggers(&opts.Logger); err != nil {
		log.Fatal(err)
	}
	log.Infof("Starting Dapr Runtime -- version %s -- commit %s (Shopstream build: %s)",
		buildinfo.Version(), buildinfo.Commit(), registeredSummary())
	log.Infof("Log level set to: %s", opts.Logger.OutputLevel)

	// One runtime per context: SIGHUP cancels the current one and starts a fresh one (reloading components),
	// SIGINT/SIGTERM end the process.
	ctx := signals.Context()
	reloads := signals.OnHUP(ctx)
	defer log.Info("Daprd shutdown gracefully")
	for {
		select {
		case <-ctx.Done():
			return
		case runCtx, open := <-reloads:
			if !open {
				return
			}
			if err := serve(runCtx, opts, registry); err != nil {
				log.Fatalf("Fatal error from runtime: %s", err)
			}
			// The runtime ended by itself (the shutdown API), not by a signal: exit.
			if runCtx.Err() == nil {
				return
			}
		}
	}
}

// answerInfoFlags handles --version, --build-info and --wait; true means the process is done.
func answerInfoFlags(opts *options.Options) bool {
	switch {
	case opts.RuntimeVersion:
		//nolint:forbidigo
		fmt.Println(buildinfo.Version())
	case opts.BuildInfo:
		//nolint:forbidigo
		fmt.Printf("Version: %s\nGit Commit: %s\nGit Version: %s\nComponents: %s\n",
			buildinfo.Version(), buildinfo.Commit(), buildinfo.GitVersion(), registeredSummary())
	case opts.WaitCommand:
		runtime.WaitUntilDaprOutboundReady(opts.DaprHTTPPort)
	default:
		return false
	}
	return true
}

// serve runs the security provider and the runtime side by side until ctx ends or one of them fails.
func serve(ctx context.Context, opts *options.Options, registry *registryOptions) error {
	health := healthz.New()
	provider, err := security.New(ctx, security.Options{
		SentryAddress:           opts.SentryAddress,
		ControlPlaneTrustDomain: opts.ControlPlaneTrustDomain,
		ControlPlaneNamespace:   opts.ControlPlaneNamespace,
		TrustAnchors:            opts.TrustAnchors,
		AppID:                   opts.AppID,
		MTLSEnabled:             opts.EnableMTLS,
		Mode:                    modes.DaprMode(opts.Mode),
		Healthz:                 health,
		JwtAudiences:            opts.SentryRequestJwtAudiences,
	})
	if err != nil {
		return err
	}
	runRuntime := func(ctx context.Context) error {
		handler, err := provider.Handler(ctx)
		if err != nil {
			return err
		}
		cfg := runtimeConfig(opts)
		cfg.Registry = registry
		cfg.Security = handler
		cfg.Healthz = health
		cfg.Metrics = metrics.Options{
			Enabled:       opts.Metrics.Enabled(),
			Log:           log,
			Port:          opts.Metrics.Port(),
			Namespace:     metrics.DefaultMetricNamespace,
			Healthz:       health,
			ListenAddress: opts.Metrics.ListenAddress(),
			Meter:         view.NewMeter(),
		}
		rt, err := runtime.FromConfig(ctx, cfg)
		if err != nil {
			return err
		}
		return rt.Run(ctx)
	}
	return concurrency.NewRunnerManager(provider.Run, runRuntime).Run(ctx)
}

// runtimeConfig carries the command-line options over to the runtime's configuration, field by field (the
// two structs share most names; the app port and the scheduler streams are named differently).
func runtimeConfig(o *options.Options) *runtime.Config {
	return &runtime.Config{
		AppID:       o.AppID,
		Mode:        o.Mode,
		Config:      o.Config,
		AppProtocol: o.AppProtocol,

		// Where the app is and how it is checked.
		ApplicationPort:        o.AppPort,
		AppChannelAddress:      o.AppChannelAddress,
		AppSSL:                 o.AppSSL,
		AppMaxConcurrency:      o.AppMaxConcurrency,
		EnableAppHealthCheck:   o.EnableAppHealthCheck,
		AppHealthCheckPath:     o.AppHealthCheckPath,
		AppHealthProbeInterval: o.AppHealthProbeInterval,
		AppHealthProbeTimeout:  o.AppHealthProbeTimeout,
		AppHealthThreshold:     o.AppHealthThreshold,

		// The sidecar's own listeners.
		DaprHTTPPort:                  o.DaprHTTPPort,
		DaprAPIGRPCPort:               o.DaprAPIGRPCPort,
		DaprAPIListenAddresses:        o.DaprAPIListenAddresses,
		DaprInternalGRPCPort:          o.DaprInternalGRPCPort,
		DaprInternalGRPCListenAddress: o.DaprInternalGRPCListenAddress,
		DaprPublicPort:                o.DaprPublicPort,
		DaprPublicListenAddress:       o.DaprPublicListenAddress,
		ProfilePort:                   o.ProfilePort,
		EnableProfiling:               o.EnableProfiling,
		UnixDomainSocket:              o.UnixDomainSocket,
		AllowedOrigins:                o.AllowedOrigins,
		MaxRequestSize:                o.MaxRequestSize,
		ReadBufferSize:                o.ReadBufferSize,
		EnableAPILogging:              o.EnableAPILogging,
		DisableInitEndpoints:          o.DisableInitEndpoints,

		// Control plane: placement (actors), scheduler (reminders, jobs), sentry (mTLS).
		ActorsService:              o.ActorsService,
		ActorsDisseminationTimeout: o.ActorsDisseminationTimeout,
		RemindersService:           o.RemindersService,
		SchedulerAddress:           o.SchedulerAddress,
		SchedulerStreams:           o.SchedulerJobStreams,
		ControlPlaneAddress:        o.ControlPlaneAddress,
		SentryAddress:              o.SentryAddress,
		EnableMTLS:                 o.EnableMTLS,

		// Resources and shutdown.
		ResourcesPath:                o.ResourcesPath,
		ComponentsPath:               o.ComponentsPath,
		DisableBuiltinK8sSecretStore: o.DisableBuiltinK8sSecretStore,
		DaprGracefulShutdownSeconds:  o.DaprGracefulShutdownSeconds,
		DaprBlockShutdownDuration:    o.DaprBlockShutdownDuration,
	}
}
