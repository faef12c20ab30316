// Tools module that pins the Dapr runtime binaries (daprd, placement, scheduler).
// The replace lines repeat those of github.com/dapr/dapr v1.18.1's go.mod: Go ignores
// replace directives of dependencies, so a module that builds dapr must carry them itself.
module shopstream.dev/tools/dapr

go 1.26.4

replace (
	dubbo.apache.org/dubbo-go/v3 => dubbo.apache.org/dubbo-go/v3 v3.0.3-0.20230118042253-4f159a2b38f3
	github.com/chenzhuoyu/iasm => github.com/chenzhuoyu/iasm v0.9.0
	github.com/chzyer/logex => github.com/chzyer/logex v1.2.1
	github.com/gobwas/pool => github.com/gobwas/pool v0.2.1
	github.com/toolkits/concurrent => github.com/niean/gotools v0.0.0-20151221085310-ff3f51fc5c60
	gopkg.in/couchbaselabs/gocbconnstr.v1 => github.com/couchbaselabs/gocbconnstr v1.0.5
)
