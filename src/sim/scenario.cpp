// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/scenario.h"

#include "core/duration.h"
#include "sim/generator.h"
#include "sim/metricsconfigparser.h"
#include "sim/openmetricswriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <set>
#include <yaml-cpp/yaml.h>

namespace Specula::Sim {

namespace {

// Thrown inside the parser only and turned into a Core::Error with file:line at its edge.
struct ParseFailure
{
    int line;
    QString message;
};

QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

[[noreturn]] void failAt(const YAML::Node &node, const QString &message)
{
    throw ParseFailure { node.Mark().line + 1, message };
}

void expectKeys(const YAML::Node &map, const QString &what, std::initializer_list<const char *> allowed)
{
    if (!map.IsMap())
        failAt(map, what + QStringLiteral(" must be a mapping"));
    for (const auto &entry : map) {
        const std::string key = entry.first.Scalar();
        bool known = false;
        for (const char *name : allowed)
            known = known || key == name;
        if (!known)
            failAt(entry.first, QStringLiteral("unknown field \"%1\" in %2").arg(QString::fromStdString(key), what));
    }
}

QString scalar(const YAML::Node &node, const QString &field)
{
    if (!node.IsScalar())
        failAt(node, QStringLiteral("field \"%1\" must be a scalar").arg(field));
    return str(node);
}

qint64 integer(const YAML::Node &node, const QString &field)
{
    bool ok = false;
    const qint64 value = scalar(node, field).toLongLong(&ok);
    if (!ok)
        failAt(node, QStringLiteral("field \"%1\" must be an integer, not \"%2\"").arg(field, str(node)));
    return value;
}

bool boolean(const YAML::Node &node, const QString &field)
{
    const QString value = scalar(node, field);
    if (value == u"true")
        return true;
    if (value == u"false")
        return false;
    failAt(node, QStringLiteral("field \"%1\" must be true or false, not \"%2\"").arg(field, value));
}

StringMap stringMap(const YAML::Node &node, const QString &field)
{
    StringMap map;
    if (!node || node.IsNull())
        return map;
    if (!node.IsMap())
        failAt(node, QStringLiteral("field \"%1\" must be a mapping").arg(field));
    for (const auto &entry : node)
        map.insert(str(entry.first), scalar(entry.second, field + u'.' + str(entry.first)));
    return map;
}

// Plain YAML scalars become JSON numbers and booleans as the YAML 1.2 core schema reads them; quoted ones
// stay strings. Quantities are always strings in the API, even when the YAML has a bare 1.
QJsonValue toJson(const YAML::Node &node, bool quantities = false)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node) {
            const QString key = str(entry.first);
            static const std::set<QString> quantityKeys
                = { QStringLiteral("capacity"), QStringLiteral("allocatable"), QStringLiteral("requests"),
                    QStringLiteral("limits"), QStringLiteral("overhead") };
            object.insert(key, toJson(entry.second, quantityKeys.count(key) > 0));
        }
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = str(node);
        if (node.Tag() == "!ago") {
            // A moment relative to the server's start; ObjectRenderer::complete writes the timestamp.
            bool ok = false;
            const qint64 seconds = text.toLongLong(&ok);
            if (!ok || seconds < 0)
                failAt(node, QStringLiteral("!ago needs a number of seconds, not \"%1\"").arg(text));
            return QJsonObject { { QStringLiteral("!ago"), seconds } };
        }
        if (node.Tag() == "!" || quantities)
            return text;
        if (text == u"true" || text == u"false")
            return text == u"true";
        if (text == u"null" || text == u"~")
            return QJsonValue::Null;
        static const QRegularExpression intPattern(QStringLiteral("^-?(0|[1-9][0-9]*)$"));
        static const QRegularExpression floatPattern(QStringLiteral("^-?(0|[1-9][0-9]*)\\.[0-9]+$"));
        if (intPattern.match(text).hasMatch())
            return text.toLongLong();
        if (floatPattern.match(text).hasMatch())
            return text.toDouble();
        return text;
    }
    default:
        return QJsonValue::Null;
    }
}

ContainerDesc parseContainer(const YAML::Node &node)
{
    expectKeys(node, QStringLiteral("container"),
               { "name", "image", "requests", "limits", "env", "ports", "sidecar", "claims" });
    ContainerDesc container;
    if (!node["name"])
        failAt(node, QStringLiteral("container needs a name"));
    container.name = scalar(node["name"], QStringLiteral("name"));
    container.image
        = node["image"] ? scalar(node["image"], QStringLiteral("image")) : QStringLiteral("registry.k8s.io/pause:3.9");
    container.requests = stringMap(node["requests"], QStringLiteral("requests"));
    container.limits = stringMap(node["limits"], QStringLiteral("limits"));
    const StringMap env = stringMap(node["env"], QStringLiteral("env"));
    for (auto it = env.begin(); it != env.end(); ++it)
        container.env.append({ it.key(), it.value() });
    if (const YAML::Node ports = node["ports"]) {
        for (const auto &port : ports)
            container.ports.append(int(integer(port, QStringLiteral("ports"))));
    }
    if (node["sidecar"])
        container.sidecar = boolean(node["sidecar"], QStringLiteral("sidecar"));
    for (const auto &claim : node["claims"])
        container.claims.append(scalar(claim, QStringLiteral("claims")));
    return container;
}

PodClaimDesc parsePodClaim(const YAML::Node &node)
{
    expectKeys(node, QStringLiteral("resourceClaim"),
               { "name", "resourceClaimName", "resourceClaimTemplateName", "generatedName" });
    PodClaimDesc claim;
    if (!node["name"])
        failAt(node, QStringLiteral("resourceClaim needs a name"));
    claim.name = scalar(node["name"], QStringLiteral("name"));
    if (node["resourceClaimName"])
        claim.claimName = scalar(node["resourceClaimName"], QStringLiteral("resourceClaimName"));
    if (node["resourceClaimTemplateName"])
        claim.templateName = scalar(node["resourceClaimTemplateName"], QStringLiteral("resourceClaimTemplateName"));
    if (node["generatedName"])
        claim.generatedName = scalar(node["generatedName"], QStringLiteral("generatedName"));
    if (claim.claimName.isEmpty() == claim.templateName.isEmpty())
        failAt(node,
               QStringLiteral("resourceClaim %1 needs exactly one of resourceClaimName and "
                              "resourceClaimTemplateName")
                   .arg(claim.name));
    return claim;
}

QList<PodDesc> parsePod(const YAML::Node &node)
{
    expectKeys(node, QStringLiteral("pod"),
               { "name", "namespace", "node", "phase", "owner", "labels", "annotations", "nodeSelector",
                 "initContainers", "containers", "overhead", "resourceClaims", "pendingMessage", "podIP", "restarts",
                 "ageSeconds", "churn", "replicas" });
    PodDesc pod;
    if (!node["name"] || !node["namespace"])
        failAt(node, QStringLiteral("pod needs name and namespace"));
    pod.name = scalar(node["name"], QStringLiteral("name"));
    pod.ns = scalar(node["namespace"], QStringLiteral("namespace"));
    if (node["node"])
        pod.node = scalar(node["node"], QStringLiteral("node"));
    if (node["phase"]) {
        pod.phase = scalar(node["phase"], QStringLiteral("phase"));
        static const QStringList phases = { QStringLiteral("Pending"), QStringLiteral("Running"),
                                            QStringLiteral("Succeeded"), QStringLiteral("Failed") };
        if (!phases.contains(pod.phase))
            failAt(node["phase"], QStringLiteral("phase must be one of %1").arg(phases.join(u", ")));
    } else if (pod.node.isEmpty()) {
        pod.phase = QStringLiteral("Pending");
    }
    if (node["owner"]) {
        const QString owner = scalar(node["owner"], QStringLiteral("owner"));
        pod.ownerKind = owner.section(u'/', 0, 0);
        pod.ownerName = owner.section(u'/', 1);
        if (pod.ownerName.isEmpty())
            failAt(node["owner"], QStringLiteral("owner must be Kind/name"));
    }
    pod.labels = stringMap(node["labels"], QStringLiteral("labels"));
    pod.annotations = stringMap(node["annotations"], QStringLiteral("annotations"));
    pod.nodeSelector = stringMap(node["nodeSelector"], QStringLiteral("nodeSelector"));
    pod.overhead = stringMap(node["overhead"], QStringLiteral("overhead"));
    for (const auto &c : node["initContainers"])
        pod.initContainers.append(parseContainer(c));
    for (const auto &c : node["containers"])
        pod.containers.append(parseContainer(c));
    for (const auto &claim : node["resourceClaims"])
        pod.resourceClaims.append(parsePodClaim(claim));
    if (pod.containers.isEmpty())
        failAt(node, QStringLiteral("pod %1/%2 needs at least one container").arg(pod.ns, pod.name));
    if (node["pendingMessage"])
        pod.pendingMessage = scalar(node["pendingMessage"], QStringLiteral("pendingMessage"));
    if (node["podIP"])
        pod.podIP = scalar(node["podIP"], QStringLiteral("podIP"));
    if (node["restarts"])
        pod.restarts = int(integer(node["restarts"], QStringLiteral("restarts")));
    if (node["ageSeconds"])
        pod.ageSeconds = integer(node["ageSeconds"], QStringLiteral("ageSeconds"));
    if (node["churn"])
        pod.churn = boolean(node["churn"], QStringLiteral("churn"));
    const int replicas = node["replicas"] ? int(integer(node["replicas"], QStringLiteral("replicas"))) : 0;
    if (replicas <= 0)
        return { pod };
    QList<PodDesc> pods;
    for (int i = 0; i < replicas; ++i) {
        PodDesc copy = pod;
        copy.name = pod.name + u'-' + QString::number(i);
        pods.append(copy);
    }
    return pods;
}

NodeDesc parseNode(const YAML::Node &node)
{
    expectKeys(node, QStringLiteral("node"),
               { "name", "labels", "annotations", "capacity", "allocatable", "taints", "ready", "unschedulable",
                 "kubeletVersion", "internalIP", "osImage", "kernelVersion", "containerRuntime", "ageSeconds" });
    NodeDesc desc;
    if (!node["name"])
        failAt(node, QStringLiteral("node needs a name"));
    desc.name = scalar(node["name"], QStringLiteral("name"));
    desc.labels = stringMap(node["labels"], QStringLiteral("labels"));
    desc.annotations = stringMap(node["annotations"], QStringLiteral("annotations"));
    desc.capacity = stringMap(node["capacity"], QStringLiteral("capacity"));
    desc.allocatable = stringMap(node["allocatable"], QStringLiteral("allocatable"));
    for (const auto &taint : node["taints"])
        desc.taints.append(toJson(taint).toObject());
    if (node["ready"])
        desc.ready = boolean(node["ready"], QStringLiteral("ready"));
    if (node["unschedulable"])
        desc.unschedulable = boolean(node["unschedulable"], QStringLiteral("unschedulable"));
    if (node["kubeletVersion"])
        desc.kubeletVersion = scalar(node["kubeletVersion"], QStringLiteral("kubeletVersion"));
    if (node["internalIP"])
        desc.internalIP = scalar(node["internalIP"], QStringLiteral("internalIP"));
    if (node["osImage"])
        desc.osImage = scalar(node["osImage"], QStringLiteral("osImage"));
    if (node["kernelVersion"])
        desc.kernelVersion = scalar(node["kernelVersion"], QStringLiteral("kernelVersion"));
    if (node["containerRuntime"])
        desc.containerRuntime = scalar(node["containerRuntime"], QStringLiteral("containerRuntime"));
    if (node["ageSeconds"])
        desc.ageSeconds = integer(node["ageSeconds"], QStringLiteral("ageSeconds"));
    return desc;
}

GeneratorSpec parseGenerator(const YAML::Node &node)
{
    expectKeys(node, QStringLiteral("generator"),
               { "gpuNodes", "cpuNodes", "gpusPerNode", "pods", "pendingPods", "namespaces", "products" });
    GeneratorSpec spec;
    if (node["gpuNodes"])
        spec.gpuNodes = int(integer(node["gpuNodes"], QStringLiteral("gpuNodes")));
    if (node["cpuNodes"])
        spec.cpuNodes = int(integer(node["cpuNodes"], QStringLiteral("cpuNodes")));
    if (node["gpusPerNode"])
        spec.gpusPerNode = int(integer(node["gpusPerNode"], QStringLiteral("gpusPerNode")));
    if (node["pods"])
        spec.pods = int(integer(node["pods"], QStringLiteral("pods")));
    if (node["pendingPods"])
        spec.pendingPods = int(integer(node["pendingPods"], QStringLiteral("pendingPods")));
    if (node["namespaces"])
        spec.namespaces = int(integer(node["namespaces"], QStringLiteral("namespaces")));
    for (const auto &p : node["products"]) {
        expectKeys(p, QStringLiteral("product"), { "product", "family", "memoryMiB", "weight" });
        GpuProduct product;
        product.product = scalar(p["product"], QStringLiteral("product"));
        product.family = p["family"] ? scalar(p["family"], QStringLiteral("family")) : QString();
        product.memoryMiB = p["memoryMiB"] ? int(integer(p["memoryMiB"], QStringLiteral("memoryMiB"))) : 0;
        product.weight = p["weight"] ? int(integer(p["weight"], QStringLiteral("weight"))) : 1;
        spec.products.append(product);
    }
    if (spec.products.isEmpty())
        spec.products.append({ QStringLiteral("NVIDIA-H100-80GB-HBM3"), QStringLiteral("hopper"), 81559, 1 });
    if (spec.gpuNodes < 0 || spec.cpuNodes < 0 || spec.pods < 0 || spec.gpusPerNode < 1 || spec.namespaces < 1)
        failAt(node, QStringLiteral("generator counts must be positive"));
    return spec;
}

MetricsConfig parseMetrics(const YAML::Node &node)
{
    expectKeys(node, QStringLiteral("metrics"),
               { "dcgm", "kepler", "cadvisor", "kubeStateMetrics", "sriovExporter", "prometheus", "scrapeInterval",
                 "dcgmExporterPods" });
    MetricsConfig config;
    if (const YAML::Node d = node["dcgm"]) {
        expectKeys(d, QStringLiteral("metrics.dcgm"),
                   { "node", "hostnameIsPod", "pod", "uuid", "blankSentinels", "emptyPodLabels" });
        if (d["node"]) {
            const auto v = dcgmNodeLabelFromName(scalar(d["node"], QStringLiteral("metrics.dcgm.node")));
            if (!v)
                failAt(d["node"],
                       QStringLiteral("metrics.dcgm.node must be Hostname, hostname, node or none, not \"%1\"")
                           .arg(str(d["node"])));
            config.dcgm.nodeLabel = *v;
        }
        if (d["pod"]) {
            const auto v = dcgmPodLabelsFromName(scalar(d["pod"], QStringLiteral("metrics.dcgm.pod")));
            if (!v)
                failAt(d["pod"],
                       QStringLiteral("metrics.dcgm.pod must be pod, exported_pod or pod_name, not \"%1\"")
                           .arg(str(d["pod"])));
            config.dcgm.podLabels = *v;
        }
        if (d["uuid"]) {
            const QString v = scalar(d["uuid"], QStringLiteral("metrics.dcgm.uuid"));
            if (v != u"UUID" && v != u"uuid")
                failAt(d["uuid"], QStringLiteral("metrics.dcgm.uuid must be UUID or uuid, not \"%1\"").arg(v));
            config.dcgm.lowerCaseUuid = v == u"uuid";
        }
        if (d["hostnameIsPod"])
            config.dcgm.hostnameIsPod = boolean(d["hostnameIsPod"], QStringLiteral("metrics.dcgm.hostnameIsPod"));
        if (d["blankSentinels"])
            config.dcgm.blankSentinels = boolean(d["blankSentinels"], QStringLiteral("metrics.dcgm.blankSentinels"));
        if (d["emptyPodLabels"])
            config.dcgm.emptyPodLabels = boolean(d["emptyPodLabels"], QStringLiteral("metrics.dcgm.emptyPodLabels"));
    }
    if (node["kepler"]) {
        const auto v = keplerGenerationFromName(scalar(node["kepler"], QStringLiteral("metrics.kepler")));
        if (!v)
            failAt(node["kepler"],
                   QStringLiteral("metrics.kepler must be none or a Kepler version such as 0.9, 0.10 "
                                  "or 0.11.4, not \"%1\"")
                       .arg(str(node["kepler"])));
        config.kepler = *v;
    }
    if (node["cadvisor"])
        config.cadvisor = boolean(node["cadvisor"], QStringLiteral("metrics.cadvisor"));
    if (node["kubeStateMetrics"])
        config.kubeStateMetrics = boolean(node["kubeStateMetrics"], QStringLiteral("metrics.kubeStateMetrics"));
    if (node["sriovExporter"])
        config.sriovExporter = boolean(node["sriovExporter"], QStringLiteral("metrics.sriovExporter"));
    if (node["dcgmExporterPods"])
        config.dcgmExporterPods = boolean(node["dcgmExporterPods"], QStringLiteral("metrics.dcgmExporterPods"));
    if (const YAML::Node p = node["prometheus"]) {
        if (p.IsScalar() && str(p) == u"none") {
            config.prometheus.reset();
        } else {
            expectKeys(p, QStringLiteral("metrics.prometheus"), { "namespace", "service", "port", "https" });
            PrometheusService service;
            if (p["namespace"])
                service.ns = scalar(p["namespace"], QStringLiteral("metrics.prometheus.namespace"));
            if (p["service"])
                service.name = scalar(p["service"], QStringLiteral("metrics.prometheus.service"));
            if (p["port"]) {
                service.port = int(integer(p["port"], QStringLiteral("metrics.prometheus.port")));
                if (service.port < 1 || service.port > 65535)
                    failAt(p["port"], QStringLiteral("metrics.prometheus.port must be between 1 and 65535"));
            }
            if (p["https"])
                service.https = boolean(p["https"], QStringLiteral("metrics.prometheus.https"));
            config.prometheus = service;
        }
    }
    if (node["scrapeInterval"]) {
        const auto v
            = Core::parseDurationSeconds(scalar(node["scrapeInterval"], QStringLiteral("metrics.scrapeInterval")));
        if (!v || *v > 3600)
            failAt(node["scrapeInterval"],
                   QStringLiteral("metrics.scrapeInterval must be a duration between 1s and 1h "
                                  "such as 30s, not \"%1\"")
                       .arg(str(node["scrapeInterval"])));
        config.scrapeIntervalSeconds = int(*v);
    }
    return config;
}

bool hasGpus(const NodeDesc &node, const QSet<QString> &draNodes)
{
    for (auto it = node.capacity.begin(); it != node.capacity.end(); ++it) {
        if ((it.key().startsWith(u"nvidia.com/gpu") || it.key().startsWith(u"nvidia.com/mig-")) && it.value() != u"0")
            return true;
    }
    return draNodes.contains(node.name);
}

// The GPU Operator runs a dcgm-exporter on every GPU node; the metrics' instance is its pod IP, so
// each needs one that no other exporter pod has.
void addDcgmExporterPods(Scenario &scenario)
{
    QSet<QString> draNodes;
    for (const auto &slice : scenario.objects.value(QStringLiteral("resourceslices")))
        draNodes.insert(slice.value(u"spec").toObject().value(u"nodeName").toString());
    QHash<QString, PodDesc *> exporters;
    for (PodDesc &pod : scenario.pods) {
        if (pod.ns == u"gpu-operator" && pod.ownerKind == u"DaemonSet" && pod.ownerName.contains(u"dcgm-exporter")
            && !pod.node.isEmpty())
            exporters.insert(pod.node, &pod);
    }
    QList<PodDesc> added;
    for (qsizetype i = 0; i < scenario.nodes.size(); ++i) {
        const NodeDesc &node = scenario.nodes[i];
        if (!hasGpus(node, draNodes))
            continue;
        const QString ip = QStringLiteral("10.%1.%2.%3").arg(250 + i / 65536).arg((i / 256) % 256).arg(i % 256);
        if (PodDesc *existing = exporters.value(node.name)) {
            if (existing->podIP.isEmpty())
                existing->podIP = ip;
            continue;
        }
        PodDesc pod;
        pod.ns = QStringLiteral("gpu-operator");
        pod.ownerKind = QStringLiteral("DaemonSet");
        pod.ownerName = QStringLiteral("nvidia-dcgm-exporter");
        const QByteArray digest = QCryptographicHash::hash((QString::number(scenario.seed) + u'/' + node.name).toUtf8(),
                                                           QCryptographicHash::Sha1);
        static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        QString suffix;
        for (int c = 0; c < 5; ++c)
            suffix += QLatin1Char(alphabet[uchar(digest[c]) % (sizeof(alphabet) - 1)]);
        pod.name = pod.ownerName + u'-' + suffix;
        pod.node = node.name;
        pod.podIP = ip;
        pod.labels = { { QStringLiteral("app"), QStringLiteral("nvidia-dcgm-exporter") } };
        ContainerDesc container;
        container.name = QStringLiteral("nvidia-dcgm-exporter");
        container.image = QStringLiteral("nvcr.io/nvidia/k8s/dcgm-exporter:3.3.7-3.5.0-ubuntu22.04");
        container.ports = { 9400 };
        container.env = { { QStringLiteral("NODE_NAME"), node.name } };
        pod.containers = { container };
        pod.ageSeconds = 86400 * 10;
        added.append(pod);
    }
    scenario.pods += added;
}

Scenario parseRoot(const YAML::Node &root)
{
    expectKeys(root, QStringLiteral("scenario"),
               { "name", "seed", "tickMs", "token", "sriovGroup", "serverVersion", "continueExpirySeconds",
                 "watchHistory", "bookmarkSeconds", "dynamics", "nodes", "pods", "objects", "generator", "metrics" });
    Scenario scenario;
    scenario.name = root["name"] ? scalar(root["name"], QStringLiteral("name")) : QStringLiteral("custom");
    if (root["seed"])
        scenario.seed = quint64(integer(root["seed"], QStringLiteral("seed")));
    if (root["tickMs"])
        scenario.tickMs = int(integer(root["tickMs"], QStringLiteral("tickMs")));
    if (root["token"])
        scenario.token = scalar(root["token"], QStringLiteral("token"));
    if (root["sriovGroup"]) {
        scenario.sriovGroup = scalar(root["sriovGroup"], QStringLiteral("sriovGroup"));
        if (scenario.sriovGroup != u"sriovnetwork.openshift.io"
            && scenario.sriovGroup != u"sriovnetwork.k8s.cni.cncf.io")
            failAt(root["sriovGroup"],
                   QStringLiteral("sriovGroup must be sriovnetwork.openshift.io or "
                                  "sriovnetwork.k8s.cni.cncf.io"));
    }
    if (root["serverVersion"])
        scenario.serverVersion = scalar(root["serverVersion"], QStringLiteral("serverVersion"));
    if (root["continueExpirySeconds"])
        scenario.continueExpirySeconds
            = int(integer(root["continueExpirySeconds"], QStringLiteral("continueExpirySeconds")));
    if (root["watchHistory"])
        scenario.watchHistory = int(integer(root["watchHistory"], QStringLiteral("watchHistory")));
    if (root["bookmarkSeconds"])
        scenario.bookmarkSeconds = int(integer(root["bookmarkSeconds"], QStringLiteral("bookmarkSeconds")));
    if (const YAML::Node d = root["dynamics"]) {
        expectKeys(d, QStringLiteral("dynamics"), { "createPerTick", "finishPerTick", "maxFinished" });
        if (d["createPerTick"])
            scenario.dynamics.createPerTick = int(integer(d["createPerTick"], QStringLiteral("createPerTick")));
        if (d["finishPerTick"])
            scenario.dynamics.finishPerTick = int(integer(d["finishPerTick"], QStringLiteral("finishPerTick")));
        if (d["maxFinished"])
            scenario.dynamics.maxFinished = int(integer(d["maxFinished"], QStringLiteral("maxFinished")));
    }
    if (scenario.tickMs != 0 && scenario.tickMs < 10)
        failAt(root["tickMs"] ? root["tickMs"] : root, QStringLiteral("tickMs must be 0 (no ticks) or at least 10"));
    for (const auto &node : root["nodes"])
        scenario.nodes.append(parseNode(node));
    for (const auto &pod : root["pods"])
        scenario.pods.append(parsePod(pod));
    if (const YAML::Node objects = root["objects"]) {
        expectKeys(objects, QStringLiteral("objects"),
                   { "namespaces", "services", "events", "configmaps", "sriovnetworknodestates",
                     "sriovnetworknodepolicies", "network-attachment-definitions", "resourceslices",
                     "resourceclaims" });
        for (const auto &entry : objects) {
            QList<QJsonObject> &list = scenario.objects[str(entry.first)];
            for (const auto &object : entry.second) {
                if (!object.IsMap() || !object["metadata"] || !object["metadata"]["name"])
                    failAt(object, QStringLiteral("object in %1 needs metadata.name").arg(str(entry.first)));
                list.append(toJson(object).toObject());
            }
        }
    }
    if (const YAML::Node generator = root["generator"])
        generateCluster(parseGenerator(generator), scenario);
    if (const YAML::Node metrics = root["metrics"])
        scenario.metrics = parseMetrics(metrics);
    if (scenario.metrics.dcgmExporterPods)
        addDcgmExporterPods(scenario);

    // "auto" asks for the message the scheduler would write for this cluster.
    for (PodDesc &pod : scenario.pods) {
        if (pod.pendingMessage != u"auto")
            continue;
        QString resource = QStringLiteral("cpu");
        for (const ContainerDesc &c : std::as_const(pod.containers)) {
            for (const StringMap &list : { c.requests, c.limits }) {
                for (auto it = list.begin(); it != list.end(); ++it) {
                    if (it.key().contains(u'/'))
                        resource = it.key();
                }
            }
        }
        pod.pendingMessage = failedSchedulingMessage(scenario, resource);
    }
    return scenario;
}

} // namespace

Core::Result<Scenario> parseScenario(const QByteArray &yaml, const QString &where)
{
    auto configError = [&where](int line, const QString &message) {
        Core::Error error;
        error.kind = Core::Error::Kind::Config;
        error.where = line > 0 ? where + u':' + QString::number(line) : where;
        error.message = message;
        return error;
    };
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap())
            return configError(1, QStringLiteral("a scenario must be a YAML mapping"));
        return parseRoot(root);
    } catch (const ParseFailure &failure) {
        return configError(failure.line, failure.message);
    } catch (const YAML::Exception &e) {
        return configError(e.mark.line + 1, QString::fromStdString(e.msg));
    }
}

QStringList builtinScenarios()
{
    return { QStringLiteral("demo"), QStringLiteral("quirks"), QStringLiteral("large") };
}

Core::Result<Scenario> loadScenario(const QString &spec)
{
    QString path = spec;
    if (spec.startsWith(u"builtin:"))
        path = QStringLiteral(":/specula/sim/scenarios/") + spec.mid(8) + QStringLiteral(".yaml");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Core::Error error;
        error.kind = Core::Error::Kind::Config;
        error.where = spec;
        error.message = spec.startsWith(u"builtin:")
            ? QStringLiteral("no such built-in scenario (builtin:%1)").arg(builtinScenarios().join(u", builtin:"))
            : file.errorString();
        return error;
    }
    return parseScenario(file.readAll(), spec);
}

} // namespace Specula::Sim
