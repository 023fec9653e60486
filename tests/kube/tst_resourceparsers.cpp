// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/resourceparsers.h"
#include "kube/watchjob.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Specula;
using Core::Quantity;
using Kube::ResourceKind;
using Kube::ResourceParsers;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QByteArray fixture(const QString &name)
{
    return readFile(qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name);
}

QByteArray testData(const QString &name)
{
    return readFile(qEnvironmentVariable("SPECULA_SOURCE_DIR") + QStringLiteral("/tests/data/kube/") + name);
}

// The body of a raw HTTP/1.1 capture (CRLF), de-chunked when Transfer-Encoding is chunked.
QByteArray httpBody(const QByteArray &capture)
{
    const qsizetype split = capture.indexOf("\r\n\r\n");
    Q_ASSERT(split > 0);
    const QByteArray headers = capture.left(split).toLower();
    QByteArray body = capture.mid(split + 4);
    if (!headers.contains("transfer-encoding: chunked"))
        return body;
    QByteArray out;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        bool ok = false;
        const qsizetype size = body.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
        Q_ASSERT(ok);
        if (size == 0)
            return out;
        out += body.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
}

Quantity q(const char *text)
{
    return *Quantity::parse(QString::fromLatin1(text));
}

QJsonObject objectFrom(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// Equal texts that are one copy: what objects read with one text pool hold.
bool sameCopy(const QString &x, const QString &y)
{
    return x == y && x.constData() == y.constData();
}

} // namespace

class TestResourceParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realNodeList()
    {
        auto page = ResourceParsers::parseList(
            ResourceKind::Node, fixture(u"node-list_real_vgpu-A16-4Q_rke2_kubectl-get-nodes-json.json"_qs));
        QVERIFY2(page, qPrintable(page.ok() ? QString() : page.error().toString()));
        QCOMPARE(page->items.size(), 1);
        QVERIFY(page->continueToken.isEmpty());
        const auto &node = std::get<Kube::Node>(page->items.first());
        QCOMPARE(node.meta.name, u"nori"_qs);
        QCOMPARE(node.meta.labels.size(), 85);
        QCOMPARE(node.meta.labels.value(u"nvidia.com/gpu.product"_qs), u"NVIDIA-A16-4Q"_qs);
        QCOMPARE(node.capacity.value(u"nvidia.com/gpu"_qs), Quantity::fromValue(1));
        // The same field switches format between capacity and allocatable.
        QCOMPARE(node.capacity.value(u"ephemeral-storage"_qs), q("78083556Ki"));
        QCOMPARE(node.allocatable.value(u"ephemeral-storage"_qs), Quantity::fromValue(75959683218));
        QCOMPARE(node.capacity.value(u"memory"_qs), q("16367668Ki"));
        QCOMPARE(node.kubeletVersion, u"v1.31.6+rke2r1"_qs);
        QCOMPARE(node.internalIP, u"0.202.61.70"_qs);
        QCOMPARE(node.conditions.size(), 6);
        QCOMPARE(node.conditions.last().type, u"Ready"_qs);
        QVERIFY(node.conditions.last().lastTransitionTime.isValid());
        QVERIFY(!node.unschedulable);
    }

    void clientGoGoldenList()
    {
        const QByteArray body = httpBody(fixture(u"k8s_api_list_raw-http-capture_client-go-golden.http"_qs));
        auto page = ResourceParsers::parseList(ResourceKind::Namespace, body);
        QVERIFY(page);
        QCOMPARE(page->resourceVersion, u"222"_qs);
        QCOMPARE(page->items.size(), 1);
        const auto &meta = std::get<Kube::Namespace>(page->items.first()).meta;
        QCOMPARE(meta.name, u"foobar"_qs);
        QCOMPARE(meta.namespaceName, u"default"_qs);
        QCOMPARE(meta.resourceVersion, u"207"_qs);
        QCOMPARE(meta.creationTimestamp, QDateTime(QDate(2024, 9, 20), QTime(17, 16, 28), Qt::UTC));
    }

    void sriovNodeStateVfio()
    {
        const QJsonObject object = objectFrom(testData(u"sriovnetworknodestate_igb-vfio_storm5.json"_qs));
        auto state = ResourceParsers::parseSriovNetworkNodeState(object);
        QVERIFY(state);
        QCOMPARE(state->apiGroup, u"sriovnetwork.openshift.io"_qs);
        QCOMPARE(state->syncStatus, u"Succeeded"_qs);
        QCOMPARE(state->interfaces.size(), 6);
        const Kube::SriovInterface &eno4 = state->interfaces.at(3);
        QCOMPARE(eno4.name, u"eno4"_qs);
        QCOMPARE(eno4.pciAddress, u"0000:01:00.3"_qs);
        QCOMPARE(eno4.totalVfs, 7);
        QCOMPARE(eno4.numVfs, 7);
        QCOMPARE(eno4.linkSpeed, u"1000 Mb/s"_qs);
        QCOMPARE(eno4.vfs.size(), 7);
        // vfio-pci VFs have no name, mac or mtu; vfID 0 is present.
        QCOMPARE(eno4.vfs.first().vfId, 0);
        QCOMPARE(eno4.vfs.first().driver, u"vfio-pci"_qs);
        QCOMPARE(eno4.vfs.first().pciAddress, u"0000:01:10.3"_qs);
        QCOMPARE(eno4.vfs.first().deviceId, u"1520"_qs);
        QVERIFY(eno4.vfs.first().name.isEmpty());
        QVERIFY(!eno4.vfs.first().mtu);
        QCOMPARE(eno4.vfs.last().vfId, 6);
        QCOMPARE(state->interfaces.at(4).totalVfs, 63);
    }

    void sriovNodeStateList()
    {
        auto page = ResourceParsers::parseList(ResourceKind::SriovNetworkNodeState,
                                               testData(u"sriovnetworknodestatelist_i40e-iavf_mlx5_cnfdf06.json"_qs));
        QVERIFY2(page, qPrintable(page.ok() ? QString() : page.error().toString()));
        QCOMPARE(page->items.size(), 1);
        const auto &state = std::get<Kube::SriovNetworkNodeState>(page->items.first());
        QCOMPARE(state.meta.name, u"cnfdf06.ran.dfwt5g.lab"_qs);
        QCOMPARE(state.interfaces.size(), 6);
        // mlx5 ports until configured: no totalvfs at all.
        QCOMPARE(state.interfaces.at(0).vendor, u"15b3"_qs);
        QVERIFY(!state.interfaces.at(0).totalVfs);
        const Kube::SriovInterface &ens5f0 = state.interfaces.at(2);
        QCOMPARE(ens5f0.deviceId, u"158b"_qs);
        QCOMPARE(ens5f0.totalVfs, 64);
        QCOMPARE(ens5f0.vfs.size(), 6);
        QCOMPARE(ens5f0.vfs.at(0).name, u"ens5f0v0"_qs);
        QVERIFY(ens5f0.vfs.at(2).name.isEmpty());
        QVERIFY(ens5f0.vfs.at(2).mac.isEmpty());
        QCOMPARE(state.interfaces.at(4).linkSpeed, u"-1 Mb/s"_qs);
    }

    void sriovVlanAndOtherGroup()
    {
        const QByteArray json = R"({"apiVersion":"sriovnetwork.k8s.cni.cncf.io/v1","kind":"SriovNetworkNodeState",
            "metadata":{"name":"n1","namespace":"gke-operators"},
            "status":{"syncStatus":"InProgress","interfaces":[{"name":"p0","pciAddress":"0000:3b:00.0","numVfs":1,
            "totalvfs":8,"Vfs":[{"vfID":0,"pciAddress":"0000:3b:02.0","Vlan":100,"mtu":9000}]}]}})";
        auto state = ResourceParsers::parseSriovNetworkNodeState(objectFrom(json));
        QVERIFY(state);
        QCOMPARE(state->apiGroup, u"sriovnetwork.k8s.cni.cncf.io"_qs);
        QCOMPARE(state->interfaces.first().vfs.first().vlan, 100);
        QCOMPARE(state->interfaces.first().vfs.first().mtu, 9000);
    }

    void podsAndNadsFromManifests_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pod");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<qint64>("request");
        QTest::addColumn<QString>("nadResourceName");
        QTest::addRow("sriov-netdevice-quoted")
            << u"nad_and_pod_sriov-netdevice.json"_qs << u"testpod1"_qs << u"intel.com/intel_sriov_netdevice"_qs
            << qint64(1) << u"intel.com/intel_sriov_netdevice"_qs;
        QTest::addRow("mellanox-bare-integer")
            << u"nad_and_pod_mellanox-rdma.json"_qs << u"rdma-app"_qs << u"mellanox.com/mlnx_rdma"_qs << qint64(2)
            << u"mellanox.com/mlnx_rdma"_qs;
        QTest::addRow("gpu-plus-rdma") << u"pod_gpu_plus_rdma-shared.json"_qs << u"rdma-gpu-test-pod-1"_qs
                                       << u"nvidia.com/gpu"_qs << qint64(1) << QString();
    }
    void podsAndNadsFromManifests()
    {
        QFETCH(QString, file);
        QFETCH(QString, pod);
        QFETCH(QString, resource);
        QFETCH(qint64, request);
        QFETCH(QString, nadResourceName);
        const QJsonArray items = objectFrom(testData(file)).value(u"items"_qs).toArray();
        bool sawPod = false;
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            if (object.value(u"kind"_qs).toString() == u"NetworkAttachmentDefinition"_qs) {
                auto nad = ResourceParsers::parseNetworkAttachmentDefinition(object);
                QVERIFY(nad);
                QCOMPARE(nad->resourceName, nadResourceName);
                QVERIFY(QJsonDocument::fromJson(nad->config.toUtf8()).isObject());
                continue;
            }
            auto parsed = ResourceParsers::parsePod(object);
            QVERIFY2(parsed, qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
            QCOMPARE(parsed->meta.name, pod);
            QCOMPARE(parsed->containers.first().requests.value(resource), Quantity::fromValue(request));
            QCOMPARE(parsed->containers.first().limits.value(resource), Quantity::fromValue(request));
            sawPod = true;
        }
        QVERIFY(sawPod);
    }

    void podSidecarsOverheadConditions()
    {
        const QByteArray json = R"({"metadata":{"name":"train","namespace":"ml","labels":{"app":"t"},
            "annotations":{"k8s.v1.cni.cncf.io/network-status":"[]"}},
          "spec":{"nodeName":"gpu-1","overhead":{"cpu":"250m","memory":"120Mi"},
            "nodeSelector":{"nvidia.com/gpu.product":"NVIDIA-H100-80GB-HBM3"},
            "initContainers":[{"name":"init","resources":{"requests":{"cpu":"2"}}},
                              {"name":"proxy","restartPolicy":"Always","resources":{"requests":{"cpu":"100m"}}}],
            "containers":[{"name":"main","resources":{"limits":{"nvidia.com/gpu":"2"},"requests":{"cpu":1.5}}}]},
          "status":{"phase":"Running","podIP":"10.0.0.5","startTime":"2024-01-02T03:04:05Z",
            "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2024-01-02T03:04:10Z"},
                          {"type":"PodScheduled","status":"True","lastTransitionTime":"2024-01-02T03:04:09+01:00"}]}})";
        auto pod = ResourceParsers::parsePod(objectFrom(json));
        QVERIFY2(pod, qPrintable(pod.ok() ? QString() : pod.error().toString()));
        QCOMPARE(pod->meta.namespaceName, u"ml"_qs);
        QCOMPARE(pod->nodeName, u"gpu-1"_qs);
        QCOMPARE(pod->nodeSelector.value(u"nvidia.com/gpu.product"_qs), u"NVIDIA-H100-80GB-HBM3"_qs);
        QCOMPARE(pod->initContainers.size(), 2);
        QVERIFY(!pod->initContainers.at(0).restartable);
        QVERIFY(pod->initContainers.at(1).restartable);
        QCOMPARE(pod->containers.first().limits.value(u"nvidia.com/gpu"_qs), Quantity::fromValue(2));
        QCOMPARE(pod->containers.first().requests.value(u"cpu"_qs), Quantity::fromMilli(1500));
        QCOMPARE(pod->overhead.value(u"cpu"_qs), Quantity::fromMilli(250));
        QCOMPARE(pod->phase, u"Running"_qs);
        // Only a PodScheduled that is not True is kept: the one condition the snapshot reads.
        QVERIFY(pod->conditions.isEmpty());
        QCOMPARE(pod->meta.annotations.size(), 1);
    }

    void podWaitingKeepsItsPodScheduledCondition()
    {
        const char *json = R"({"metadata":{"name":"w","namespace":"ml"},"spec":{},
          "status":{"phase":"Pending","conditions":[
            {"type":"PodScheduled","status":"False","reason":"Unschedulable","message":"0/3 nodes are available",
             "lastTransitionTime":"2024-01-02T03:04:09+01:00"},
            {"type":"Initialized","status":"True"}]}})";
        auto pod = ResourceParsers::parsePod(objectFrom(json));
        QVERIFY(pod);
        QCOMPARE(pod->conditions.size(), 1);
        QCOMPARE(pod->conditions.first().type, u"PodScheduled"_qs);
        QCOMPARE(pod->conditions.first().reason, u"Unschedulable"_qs);
        QCOMPARE(pod->conditions.first().message, u"0/3 nodes are available"_qs);
        QCOMPARE(pod->conditions.first().lastTransitionTime, QDateTime(QDate(2024, 1, 2), QTime(2, 4, 9), Qt::UTC));
    }

    void podsReadTogetherShareTheirTexts()
    {
        const auto pod = [](const char *name) -> QByteArray {
            return QByteArray("{\"metadata\":{\"name\":\"") + name
                + "\",\"namespace\":\"ml\",\"labels\":{\"app\":\"trainer\"}},"
                  "\"spec\":{\"nodeName\":\"gpu-1\",\"containers\":[{\"name\":\"main\","
                  "\"resources\":{\"limits\":{\"nvidia.com/gpu\":\"1\"}}}]},"
                  "\"status\":{\"phase\":\"Pending\",\"conditions\":[{\"type\":\"PodScheduled\","
                  "\"status\":\"False\"}]}}";
        };
        const auto sameText = [](const Kube::Pod &a, const Kube::Pod &b) {
            return sameCopy(a.meta.namespaceName, b.meta.namespaceName) && sameCopy(a.nodeName, b.nodeName)
                && sameCopy(a.phase, b.phase) && sameCopy(a.meta.labels.firstKey(), b.meta.labels.firstKey())
                && sameCopy(a.meta.labels.first(), b.meta.labels.first())
                && sameCopy(a.containers.first().name, b.containers.first().name)
                && sameCopy(a.containers.first().limits.firstKey(), b.containers.first().limits.firstKey())
                && sameCopy(a.conditions.first().type, b.conditions.first().type)
                && sameCopy(a.conditions.first().status, b.conditions.first().status)
                && a.meta.name != b.meta.name
                // Maps equal as a whole are one map.
                && a.meta.labels.isSharedWith(b.meta.labels)
                && a.containers.first().limits.isSharedWith(b.containers.first().limits);
        };

        auto page = ResourceParsers::parseList(ResourceKind::Pod,
                                               "{\"metadata\":{},\"items\":[" + pod("a") + ',' + pod("b") + "]}");
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        QVERIFY(sameText(std::get<Kube::Pod>(page->items[0]), std::get<Kube::Pod>(page->items[1])));

        QByteArray stream
            = "{\"type\":\"ADDED\",\"object\":" + pod("c") + "}\n{\"type\":\"MODIFIED\",\"object\":" + pod("d") + "}\n";
        const auto batch = Kube::WatchJob::consumeLines(ResourceKind::Pod, stream, u"watch"_qs);
        QVERIFY(!batch.error);
        QCOMPARE(batch.events.size(), 2);
        QVERIFY(sameText(std::get<Kube::Pod>(batch.events[0].object), std::get<Kube::Pod>(batch.events[1].object)));

        // Read apart, each object has its own copies.
        const auto alone = ResourceParsers::parsePod(objectFrom(pod("e")));
        QVERIFY(alone);
        QVERIFY(!sameText(*alone, std::get<Kube::Pod>(page->items[0])));
    }

    void nodesReadTogetherShareTheirTexts()
    {
        const auto node = [](const char *name) -> QByteArray {
            return QByteArray("{\"metadata\":{\"name\":\"") + name + "\",\"labels\":{\"kubernetes.io/hostname\":\""
                + name
                + "\",\"nvidia.com/gpu.product\":\"NVIDIA-H100-80GB-HBM3\"}},"
                  "\"spec\":{\"taints\":[{\"key\":\"nvidia.com/gpu\",\"effect\":\"NoSchedule\"}]},"
                  "\"status\":{\"capacity\":{\"nvidia.com/gpu\":\"8\"},\"allocatable\":{\"nvidia.com/gpu\":\"8\"},"
                  "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"KubeletReady\"}],"
                  "\"nodeInfo\":{\"kubeletVersion\":\"v1.30.4\"}}}";
        };
        const auto sameText = [](const Kube::Node &a, const Kube::Node &b) {
            const auto product = u"nvidia.com/gpu.product"_qs;
            return sameCopy(a.meta.labels.find(product).key(), b.meta.labels.find(product).key())
                && sameCopy(a.meta.labels.value(product), b.meta.labels.value(product))
                && sameCopy(a.taints.first().key, b.taints.first().key)
                && sameCopy(a.taints.first().effect, b.taints.first().effect)
                && sameCopy(a.conditions.first().reason, b.conditions.first().reason)
                && sameCopy(a.kubeletVersion, b.kubeletVersion) && a.capacity.isSharedWith(b.capacity)
                && a.meta.name != b.meta.name;
        };

        auto page = ResourceParsers::parseList(ResourceKind::Node,
                                               "{\"metadata\":{},\"items\":[" + node("a") + ',' + node("b") + "]}");
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        QVERIFY(sameText(std::get<Kube::Node>(page->items[0]), std::get<Kube::Node>(page->items[1])));

        const auto alone = ResourceParsers::parseNode(objectFrom(node("c")));
        QVERIFY(alone);
        QVERIFY(!sameText(*alone, std::get<Kube::Node>(page->items[0])));
    }

    void eventTimeFallback()
    {
        const QByteArray json = R"({"metadata":{"name":"e1","namespace":"default"},
            "involvedObject":{"kind":"Pod","name":"p","namespace":"default"},"type":"Warning",
            "reason":"FailedScheduling","message":"0/3 nodes are available","eventTime":"2024-05-06T07:08:09.123456Z",
            "reportingController":"default-scheduler","firstTimestamp":null,"lastTimestamp":null})";
        auto event = ResourceParsers::parseEvent(objectFrom(json));
        QVERIFY(event);
        QCOMPARE(event->lastTimestamp, QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9, 123), Qt::UTC));
        QCOMPARE(event->firstTimestamp, event->lastTimestamp);
        QCOMPARE(event->sourceComponent, u"default-scheduler"_qs);
        QCOMPARE(event->involvedObject.kind, u"Pod"_qs);
        QCOMPARE(event->reason, u"FailedScheduling"_qs);
    }

    void serviceAndNamespace()
    {
        auto service = ResourceParsers::parseService(objectFrom(R"({"metadata":{"name":"prometheus","namespace":"mon"},
            "spec":{"type":"ClusterIP","clusterIP":"10.96.0.10","selector":{"app":"prom"},
            "ports":[{"name":"web","port":9090,"targetPort":"web","protocol":"TCP"},{"port":80,"targetPort":8080}]}})"));
        QVERIFY(service);
        QCOMPARE(service->ports.size(), 2);
        QCOMPARE(service->ports.at(0).targetPort, u"web"_qs);
        QCOMPARE(service->ports.at(1).targetPort, u"8080"_qs);
        QCOMPARE(service->ports.at(1).port, 80);
        QCOMPARE(service->selector.value(u"app"_qs), u"prom"_qs);
        auto ns
            = ResourceParsers::parseNamespace(objectFrom(R"({"metadata":{"name":"x"},"status":{"phase":"Active"}})"));
        QVERIFY(ns);
        QCOMPARE(ns->phase, u"Active"_qs);
    }

    // Each item is read on its own; a fault inside one, or between two, is placed in the page
    // where a document of the whole page places it.
    void brokenItemsArePlacedInThePage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("in an item") << QByteArray(R"({"items":[{"metadata":{}},{"spec":tru}]})");
        QTest::newRow("between items") << QByteArray(R"({"items":[{},,{}]})");
        QTest::newRow("an item not an object") << QByteArray(R"({"items":[{},nul]})");
    }

    void brokenItemsArePlacedInThePage()
    {
        QFETCH(QByteArray, json);
        QJsonParseError whole;
        QVERIFY(QJsonDocument::fromJson(json, &whole).isNull());
        const auto page = ResourceParsers::parseList(ResourceKind::Pod, json);
        QVERIFY(!page);
        QCOMPARE(page.error().message, u"invalid JSON at byte %1: %2"_qs.arg(whole.offset).arg(whole.errorString()));
    }

    void malformed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const int pod = int(ResourceKind::Pod);
        QTest::addRow("not-json") << pod << QByteArray("{\"items\": [") << u"https://k/api/v1/pods"_qs
                                  << u"invalid JSON at byte"_qs;
        QTest::addRow("truncated") << pod << QByteArray(R"({"metadata":{},"items":[{"metadata":{"name":"a"}})")
                                   << u"https://k/api/v1/pods"_qs << u"invalid JSON"_qs;
        QTest::addRow("array-root") << pod << QByteArray("[]") << u"https://k/api/v1/pods"_qs
                                    << u"expected a JSON object"_qs;
        QTest::addRow("items-object") << pod << QByteArray(R"({"items":{}})") << u"https://k/api/v1/pods"_qs
                                      << u"items: expected an array, got an object"_qs;
        QTest::addRow("item-string") << pod << QByteArray(R"({"items":["x"]})") << u"https://k/api/v1/pods"_qs
                                     << u"items[0]: expected an object, got a string"_qs;
        QTest::addRow("name-number") << pod << QByteArray(R"({"items":[{"metadata":{"name":5}}]})")
                                     << u"Pod (unnamed)"_qs << u"metadata.name: expected a string, got a number"_qs;
        QTest::addRow("bad-quantity")
            << pod
            << QByteArray(R"({"items":[{"metadata":{"name":"a","namespace":"ns"},"spec":{"containers":[{"name":"c"},
                {"name":"d","resources":{"limits":{"cpu":"lots"}}}]}}]})")
            << u"Pod ns/a"_qs << u"spec.containers[1].resources.limits: \"cpu\": not a quantity: \"lots\""_qs;
        QTest::addRow("quantity-bool")
            << pod << QByteArray(R"({"items":[{"metadata":{"name":"a"},"spec":{"overhead":{"cpu":true}}}]})")
            << u"Pod a"_qs << u"spec.overhead: \"cpu\": not a quantity: a boolean"_qs;
        QTest::addRow("label-number") << int(ResourceKind::Node)
                                      << QByteArray(R"({"items":[{"metadata":{"name":"n","labels":{"a":1}}}]})")
                                      << u"Node n"_qs << u"metadata.labels: value of \"a\": expected a string"_qs;
        QTest::addRow("containers-object")
            << pod << QByteArray(R"({"items":[{"metadata":{"name":"a"},"spec":{"containers":{}}}]})") << u"Pod a"_qs
            << u"spec.containers: expected an array, got an object"_qs;
        QTest::addRow("bad-time") << pod
                                  << QByteArray(
                                         R"({"items":[{"metadata":{"name":"a","creationTimestamp":"yesterday"}}]})")
                                  << u"Pod a"_qs << u"metadata.creationTimestamp: not an RFC 3339 time"_qs;
        QTest::addRow("vf-id-string")
            << int(ResourceKind::SriovNetworkNodeState)
            << QByteArray(R"({"items":[{"metadata":{"name":"n"},"status":{"interfaces":[{"Vfs":[{"vfID":"0"}]}]}}]})")
            << u"SriovNetworkNodeState n"_qs
            << u"status.interfaces[0].Vfs[0].vfID: expected an integer, got a string"_qs;
        QTest::addRow("condition-not-object")
            << int(ResourceKind::Node)
            << QByteArray(R"({"items":[{"metadata":{"name":"n"},"status":{"conditions":[1]}}]})") << u"Node n"_qs
            << u"status.conditions[0]: expected an object, got a number"_qs;
    }
    void malformed()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, message);
        auto page = ResourceParsers::parseList(ResourceKind(kind), json, u"https://k/api/v1/pods"_qs);
        QVERIFY(!page);
        QCOMPARE(page.error().kind, Core::Error::Kind::Parse);
        QVERIFY2(page.error().where.contains(where), qPrintable(page.error().where));
        QVERIFY2(page.error().message.contains(message), qPrintable(page.error().message));
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::addRow("zulu") << u"2024-09-20T17:16:28Z"_qs
                              << QDateTime(QDate(2024, 9, 20), QTime(17, 16, 28), Qt::UTC);
        QTest::addRow("micro") << u"2024-09-20T17:16:28.123456Z"_qs
                               << QDateTime(QDate(2024, 9, 20), QTime(17, 16, 28, 123), Qt::UTC);
        QTest::addRow("offset") << u"2024-03-01T00:30:00-02:00"_qs
                                << QDateTime(QDate(2024, 3, 1), QTime(2, 30, 0), Qt::UTC);
        QTest::addRow("leap-day") << u"2024-02-29T23:59:59Z"_qs
                                  << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC);
        QTest::addRow("epoch") << u"1970-01-01T00:00:00Z"_qs << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        QTest::addRow("no-zone") << u"2024-09-20T17:16:28"_qs << QDateTime();
        QTest::addRow("garbage") << u"2024-09-20X17:16:28Z"_qs << QDateTime();
        QTest::addRow("trailing") << u"2024-09-20T17:16:28Zjunk"_qs << QDateTime();
        QTest::addRow("bad-month") << u"2024-13-20T17:16:28Z"_qs << QDateTime();
        QTest::addRow("empty") << QString() << QDateTime();
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(ResourceParsers::parseTimestamp(text), expected);
    }

    void peekContinue_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("known");
        QTest::addColumn<QString>("token");
        QTest::addRow("compact") << QByteArray(
            R"({"kind":"PodList","metadata":{"resourceVersion":"5","continue":"eyJ2Ijo"},"items":[]})")
                                 << true << u"eyJ2Ijo"_qs;
        QTest::addRow("pretty") << QByteArray(
            "{\n  \"metadata\": {\n    \"continue\" : \"abc-_\",\n  },\n  \"items\": [")
                                << true << u"abc-_"_qs;
        QTest::addRow("last-page") << QByteArray(R"({"metadata":{"resourceVersion":"5"},"items":[{"continue":"x"}]})")
                                   << true << QString();
        QTest::addRow("empty-token") << QByteArray(R"({"metadata":{"continue":""},"items":[]})") << true << QString();
        QTest::addRow("items-first") << QByteArray(R"({"items":[],"metadata":{"continue":"x"}})") << true << QString();
        QTest::addRow("no-items-yet") << QByteArray(R"({"metadata":{"continue":"x"}})") << false << QString();
        QTest::addRow("escaped") << QByteArray(R"({"metadata":{"continue":"a\u0000b"},"items":[]})") << false
                                 << QString();
    }
    void peekContinue()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, known);
        QFETCH(QString, token);
        const auto peeked = ResourceParsers::peekContinueToken(json);
        QCOMPARE(peeked.has_value(), known);
        if (known)
            QCOMPARE(*peeked, token);
    }

    // The recorded chunked watch stream, fed one byte at a time: events split across chunks wait
    // for their newline.
    void watchStreamByteByByte()
    {
        const QByteArray stream = httpBody(fixture(u"k8s_api_watch_raw-http-chunked-capture_client-go-golden.http"_qs));
        QByteArray buffer;
        QList<Kube::WatchEvent> events;
        QString version;
        int bookmarks = 0;
        for (char c : stream) {
            buffer.append(c);
            auto batch = Kube::WatchJob::consumeLines(ResourceKind::Namespace, buffer, u"watch"_qs);
            QVERIFY(!batch.error);
            events += batch.events;
            bookmarks += batch.bookmark ? 1 : 0;
            if (!batch.resourceVersion.isEmpty())
                version = batch.resourceVersion;
        }
        QVERIFY(buffer.isEmpty());
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, Kube::WatchEvent::Type::Added);
        QCOMPARE(std::get<Kube::Namespace>(events.first().object).meta.name, u"foobar"_qs);
        QCOMPARE(bookmarks, 1);
        QCOMPARE(version, u"964"_qs);
    }

    void watchErrorEvents_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        const QList<QByteArray> lines = fixture(u"k8s_api_watch_error-410_events_real.jsonl"_qs).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QTest::addRow("gone-old") << lines.at(0) + '\n'
                                  << int(Core::Error::Kind::Gone) << u"too old resource version: 1267589 (1485291)"_qs;
        QTest::addRow("expired-new") << lines.at(1) + '\n'
                                     << int(Core::Error::Kind::Gone)
                                     << u"The resourceVersion for the provided watch is too old."_qs;
        QTest::addRow("error-500") << QByteArray(
            R"({"type":"ERROR","object":{"kind":"Status","status":"Failure","message":"etcd down","reason":"InternalError","code":500}})"
            "\n") << int(Core::Error::Kind::Http)
                                   << u"etcd down"_qs;
        QTest::addRow("malformed") << QByteArray("{\"type\":\"ADDED\",\"object\":{\n") << int(Core::Error::Kind::Parse)
                                   << u"malformed watch event"_qs;
        QTest::addRow("unknown-type") << QByteArray("{\"type\":\"RENAMED\",\"object\":{}}\n")
                                      << int(Core::Error::Kind::Parse) << u"unknown watch event type"_qs;
    }
    void watchErrorEvents()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QByteArray buffer = line;
        auto batch = Kube::WatchJob::consumeLines(ResourceKind::Pod, buffer, u"watch"_qs);
        QVERIFY(batch.error);
        QCOMPARE(int(batch.error->kind), kind);
        QVERIFY2(batch.error->message.contains(message), qPrintable(batch.error->message));
    }
};

QTEST_GUILESS_MAIN(TestResourceParsers)
#include "tst_resourceparsers.moc"
