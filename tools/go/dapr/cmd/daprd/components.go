package main

import (
	"strings"

	"github.com/dapr/components-contrib/nameresolution/sqlite"
	"github.com/dapr/components-contrib/pubsub/kafka"
	pubsubredis "github.com/dapr/components-contrib/pubsub/redis"
	"github.com/dapr/components-contrib/state/aws/dynamodb"
	stateredis "github.com/dapr/components-contrib/state/redis"

	nrLoader "github.com/dapr/dapr/pkg/components/nameresolution"
	pubsubLoader "github.com/dapr/dapr/pkg/components/pubsub"
	stateLoader "github.com/dapr/dapr/pkg/components/state"
	"github.com/dapr/dapr/pkg/runtime/registry"
	"github.com/dapr/kit/logger"
)

type registryOptions = registry.Options

// registered holds "<kind>.<name>" of every type added below, for --build-info and the start-up log.
var registered []string

// add registers one component type under the name a resource's spec.type carries after "<kind>.".
func add[F any](reg interface{ RegisterComponent(F, ...string) }, kind string, factory F, name string) {
	reg.RegisterComponent(factory, name)
	registered = append(registered, kind+"."+name)
}

// componentRegistry registers exactly the component types Shopstream's profiles load (components/<profile>/
// and dapr/config.yaml's nameResolution). A type missing here makes daprd refuse the resource at start-up;
// tools/stack/daprd-components.test.ts fails first, naming the file and this function. To add a type: import
// its package from github.com/dapr/components-contrib (the name is in upstream's cmd/daprd/components/
// <kind>_<name>.go of the pinned version) and add one `add(...)` line. Kinds not listed here (bindings,
// secret stores, locks, configuration, crypto, middleware, conversation) keep empty registries.
func componentRegistry(contrib logger.Logger) *registry.Options {
	states := stateLoader.NewRegistry()
	states.Logger = contrib
	add(states, "state", stateredis.NewRedisStateStore, "redis")
	add(states, "state", dynamodb.NewDynamoDBStateStore, "aws.dynamodb")

	pubsubs := pubsubLoader.NewRegistry()
	pubsubs.Logger = contrib
	add(pubsubs, "pubsub", pubsubredis.NewRedisStreams, "redis")
	add(pubsubs, "pubsub", kafka.NewKafka, "kafka")

	resolvers := nrLoader.NewRegistry()
	resolvers.Logger = contrib
	// The resolver registry takes its named factory type, which inference does not pick from the constructor.
	add[nrLoader.FactoryMethod](resolvers, "nameresolution", sqlite.NewResolver, "sqlite")

	return registry.NewOptions().
		WithStateStores(states).
		WithPubSubs(pubsubs).
		WithNameResolutions(resolvers)
}

func registeredSummary() string {
	return strings.Join(registered, ", ")
}
