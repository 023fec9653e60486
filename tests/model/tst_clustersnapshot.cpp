// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/clustersnapshot.h"
#include "testsnapshots.h"

#include <QTest>
#include <algorithm>

using namespace Specula;

namespace {

Kube::Node gpuNode(const QString &name, int gpus, bool ready = true)
{
    Kube::Node node;
    node.meta.name = name;
    node.capacity.insert(u"nvidia.com/gpu"_qs, Core::Quantity::fromValue(gpus));
    node.allocatable.insert(u"nvidia.com/gpu"_qs, Core::Quantity::fromValue(gpus));
    node.allocatable.insert(u"cpu"_qs, Core::Quantity::fromValue(64));
    node.conditions.append({ u"Ready"_qs, ready ? u"True"_qs : u"Unknown"_qs, {}, {}, {} });
    return node;
}

Kube::Pod gpuPod(const QString &name, const QString &node, int gpus, const QString &phase = u"Running"_qs)
{
    Kube::Pod pod;
    pod.meta.namespaceName = u"ml"_qs;
    pod.meta.name = name;
    pod.nodeName = node;
    pod.phase = phase;
    Kube::Container c;
    c.requests.insert(u"nvidia.com/gpu"_qs, Core::Quantity::fromValue(gpus));
    pod.containers.append(c);
    return pod;
}

void add(Model::ClusterObjects &objects, const Kube::Pod &pod)
{
    objects.pods.insert(pod.meta.namespaceName + u'/' + pod.meta.name, pod);
}

} // namespace

class TestClusterSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestedCountsOnlyActivePods()
    {
        Model::ClusterObjects objects;
        objects.nodes.insert(u"gpu-a"_qs, gpuNode(u"gpu-a"_qs, 8));
        add(objects, gpuPod(u"train"_qs, u"gpu-a"_qs, 4));
        add(objects, gpuPod(u"done"_qs, u"gpu-a"_qs, 2, u"Succeeded"_qs));
        add(objects, gpuPod(u"crashed"_qs, u"gpu-a"_qs, 1, u"Failed"_qs));
        add(objects, gpuPod(u"starting"_qs, u"gpu-a"_qs, 1, u"Pending"_qs));

        const auto snapshot = Model::buildSnapshot(objects);
        const auto *node = snapshot.node(u"gpu-a"_qs);
        QVERIFY(node);
        QCOMPARE(node->resources.size(), 1);
        QCOMPARE(node->resources[0].requested, qint64(5));
        QCOMPARE(node->resources[0].allocatable, qint64(8));
        QCOMPARE(node->resources[0].kind, Model::ResourceClass::Gpu);
        QCOMPARE(node->pods, QStringList({ u"ml/starting"_qs, u"ml/train"_qs }));
        // Terminated pods are still listed (they still request), but hold nothing.
        QCOMPARE(snapshot.pods.size(), 4);
    }

    void hostsOfANodeAreItsNameThenItsAddresses()
    {
        Model::ClusterObjects objects;
        Kube::Node a = gpuNode(u"gpu-a"_qs, 8);
        a.internalIP = u"10.0.0.7"_qs;
        Kube::Node b = gpuNode(u"gpu-b"_qs, 8);
        b.internalIP = u"10.0.0.8"_qs;
        objects.nodes.insert(a.meta.name, a);
        objects.nodes.insert(b.meta.name, b);
        Kube::Pod exporter = gpuPod(u"nvidia-dcgm-exporter-x"_qs, u"gpu-a"_qs, 0);
        exporter.podIP = u"10.1.0.3"_qs;
        add(objects, exporter);

        const auto snapshot = Model::buildSnapshot(objects);
        QCOMPARE(snapshot.hostsOf(u"gpu-a"_qs), QStringList({ u"gpu-a"_qs, u"10.0.0.7"_qs, u"10.1.0.3"_qs }));
        QCOMPARE(snapshot.hostsOf(u"gpu-b"_qs), QStringList({ u"gpu-b"_qs, u"10.0.0.8"_qs }));
        QCOMPARE(snapshot.hostsOf(u"elsewhere"_qs), QStringList({ u"elsewhere"_qs }));
    }

    void storedPodsKeepWhatTheSnapshotReads()
    {
        Model::ClusterObjects full;
        Kube::Node node = gpuNode(u"gpu-a"_qs, 8);
        node.internalIP = u"10.0.0.7"_qs;
        full.nodes.insert(node.meta.name, node);
        Kube::Pod training = gpuPod(u"train"_qs, u"gpu-a"_qs, 4);
        training.meta.labels = { { u"app"_qs, u"train"_qs } };
        training.meta.resourceVersion = u"4710"_qs;
        training.nodeSelector = { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-H100-80GB-HBM3"_qs } };
        add(full, training);
        Kube::Pod web = gpuPod(u"web"_qs, u"gpu-a"_qs, 0);
        web.meta.uid = u"uid-web"_qs;
        web.meta.resourceVersion = u"4711"_qs;
        web.meta.labels = { { u"app"_qs, u"web"_qs } };
        web.meta.annotations = { { u"kubectl.kubernetes.io/restartedAt"_qs, u"2026-01-01T00:00:00Z"_qs } };
        web.containers.first().requests = { { u"cpu"_qs, Core::Quantity::fromMilli(250) } };
        web.podIP = u"10.1.0.9"_qs;
        add(full, web);
        Kube::Pod attached = gpuPod(u"attached"_qs, u"gpu-a"_qs, 0);
        attached.meta.annotations = { { u"k8s.v1.cni.cncf.io/network-status"_qs, u"[]"_qs } };
        add(full, attached);
        Kube::Pod exporter = gpuPod(u"nvidia-dcgm-exporter-x"_qs, u"gpu-a"_qs, 0);
        exporter.meta.labels = { { u"app"_qs, u"nvidia-dcgm-exporter"_qs } };
        exporter.podIP = u"10.1.0.3"_qs;
        add(full, exporter);
        Kube::Pod waiting = gpuPod(u"waiting"_qs, QString(), 0, u"Pending"_qs);
        waiting.conditions.append({ u"PodScheduled"_qs, u"False"_qs, u"Unschedulable"_qs, u"0/1 nodes"_qs, {} });
        waiting.nodeSelector = { { u"zone"_qs, u"a"_qs } };
        waiting.meta.uid = u"uid-waiting"_qs;
        add(full, waiting);

        Model::ClusterObjects stored = full;
        for (auto it = stored.pods.begin(); it != stored.pods.end(); ++it)
            *it = Model::podAsStored(*it);

        // A pod that requests an extended resource, or waits, is kept whole.
        QCOMPARE(stored.pods.value(u"ml/train"_qs).nodeSelector, training.nodeSelector);
        QCOMPARE(stored.pods.value(u"ml/train"_qs).meta.labels, training.meta.labels);
        QCOMPARE(stored.pods.value(u"ml/waiting"_qs).conditions.size(), 1);
        QCOMPARE(stored.pods.value(u"ml/waiting"_qs).nodeSelector, waiting.nodeSelector);
        // Only a waiting pod's scheduling events are read, which its UID tells from a namesake's.
        QCOMPARE(stored.pods.value(u"ml/waiting"_qs).meta.uid, waiting.meta.uid);
        QVERIFY(stored.pods.value(u"ml/train"_qs).meta.uid.isEmpty());
        // No pod keeps its own version.
        QVERIFY(std::all_of(stored.pods.cbegin(), stored.pods.cend(),
                            [](const Kube::Pod &pod) { return pod.meta.resourceVersion.isEmpty(); }));
        // The others keep their name, node and phase, and a network status or an exporter's
        // labels and IP, nothing more.
        const Kube::Pod plain = stored.pods.value(u"ml/web"_qs);
        QVERIFY(plain.meta.uid.isEmpty());
        QCOMPARE(plain.nodeName, u"gpu-a"_qs);
        QCOMPARE(plain.phase, u"Running"_qs);
        QVERIFY(plain.meta.labels.isEmpty() && plain.meta.annotations.isEmpty() && plain.containers.isEmpty()
                && plain.podIP.isEmpty());
        QCOMPARE(stored.pods.value(u"ml/attached"_qs).meta.annotations, attached.meta.annotations);
        QCOMPARE(stored.pods.value(u"ml/nvidia-dcgm-exporter-x"_qs).meta.labels, exporter.meta.labels);
        QCOMPARE(stored.pods.value(u"ml/nvidia-dcgm-exporter-x"_qs).podIP, exporter.podIP);

        // And the snapshot is the same either way.
        const auto fromFull = Model::buildSnapshot(full);
        const auto fromStored = Model::buildSnapshot(stored);
        QCOMPARE(fromStored.pods, fromFull.pods);
        QCOMPARE(fromStored.nodes, fromFull.nodes);
        QCOMPARE(fromStored.nodeByAddress, fromFull.nodeByAddress);
        QCOMPARE(fromStored.podCount, fromFull.podCount);
        QCOMPARE(fromStored.warnings, fromFull.warnings);
        QCOMPARE(fromFull.nodeByAddress.value(u"10.1.0.3"_qs), u"gpu-a"_qs);
        QVERIFY(fromFull.pod(u"ml/waiting"_qs) && fromFull.pod(u"ml/waiting"_qs)->pending);
    }

    void pendingPodsAreListedWithTheSchedulersReason()
    {
        Model::ClusterObjects objects;
        Kube::Pod waiting = gpuPod(u"waiting"_qs, {}, 0, u"Pending"_qs);
        waiting.containers.clear();
        waiting.conditions.append({ u"PodScheduled"_qs,
                                    u"False"_qs,
                                    u"Unschedulable"_qs,
                                    u"0/3 nodes are available: 3 Insufficient nvidia.com/gpu."_qs,
                                    {} });
        waiting.nodeSelector.insert(u"nvidia.com/gpu.product"_qs, u"NVIDIA-H100-80GB-HBM3"_qs);
        add(objects, waiting);
        Kube::Pod plain = waiting;
        plain.meta.name = u"web"_qs;
        plain.conditions.clear();
        plain.phase = u"Running"_qs;
        add(objects, plain);

        const auto snapshot = Model::buildSnapshot(objects);
        QCOMPARE(snapshot.podCount, 2);
        QCOMPARE(snapshot.pods.size(), 1);
        QVERIFY(snapshot.pods[0].pending.has_value());
        QCOMPARE(snapshot.pods[0].pending->reason, u"Unschedulable"_qs);
        QVERIFY(snapshot.pods[0].pending->message.contains(u"Insufficient nvidia.com/gpu"_qs));
        // Where it may go, for the Pending page's fit.
        QCOMPARE(snapshot.pods[0].nodeSelector,
                 (QMap<QString, QString> { { u"nvidia.com/gpu.product"_qs, u"NVIDIA-H100-80GB-HBM3"_qs } }));
    }

    void pendingMessageComesFromTheLatestSchedulingEvent_data()
    {
        QTest::addColumn<int>("eventAgeSeconds"); // relative to the condition; -1: no event
        QTest::addColumn<QString>("eventUid");
        QTest::addColumn<bool>("withCondition");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        const QString condition = u"0/3 nodes are available: 3 Insufficient nvidia.com/gpu."_qs;
        const QString event = u"0/12 nodes are available: 12 Insufficient nvidia.com/gpu."_qs;
        QTest::newRow("no event") << -1 << QString() << true << u"Unschedulable"_qs << condition;
        QTest::newRow("newer event") << 60 << u"uid-1"_qs << true << u"Unschedulable"_qs << event;
        QTest::newRow("older event") << -60 << u"uid-1"_qs << true << u"Unschedulable"_qs << condition;
        QTest::newRow("event of an earlier pod with this name")
            << 60 << u"uid-0"_qs << true << u"Unschedulable"_qs << condition;
        QTest::newRow("event before the condition is written")
            << 60 << u"uid-1"_qs << false << u"FailedScheduling"_qs << event;
    }

    void pendingMessageComesFromTheLatestSchedulingEvent()
    {
        QFETCH(int, eventAgeSeconds);
        QFETCH(QString, eventUid);
        QFETCH(bool, withCondition);
        const QDateTime conditionTime = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        Model::ClusterObjects objects;
        Kube::Pod waiting = gpuPod(u"waiting"_qs, {}, 8, u"Pending"_qs);
        waiting.meta.uid = u"uid-1"_qs;
        waiting.meta.creationTimestamp = conditionTime.addSecs(-300);
        if (withCondition) {
            waiting.conditions.append({ u"PodScheduled"_qs, u"False"_qs, u"Unschedulable"_qs,
                                        u"0/3 nodes are available: 3 Insufficient nvidia.com/gpu."_qs, conditionTime });
        }
        add(objects, waiting);
        if (eventAgeSeconds != -1) {
            Kube::Event event;
            event.meta.namespaceName = u"ml"_qs;
            event.meta.name = u"waiting.17f"_qs;
            event.involvedObject = { u"Pod"_qs, u"ml"_qs, u"waiting"_qs, eventUid };
            event.reason = u"FailedScheduling"_qs;
            event.message = u"0/12 nodes are available: 12 Insufficient nvidia.com/gpu."_qs;
            event.lastTimestamp = conditionTime.addSecs(eventAgeSeconds);
            objects.schedulingEvents.insert(u"ml/waiting.17f"_qs, event);
        }
        const auto snapshot = Model::buildSnapshot(objects);
        const auto *pod = snapshot.pod(u"ml/waiting"_qs);
        QVERIFY(pod && pod->pending);
        QTEST(pod->pending->reason, "reason");
        QTEST(pod->pending->message, "message");
        QCOMPARE(pod->pending->since, waiting.meta.creationTimestamp);
    }

    // New readings alone leave a node "equal apart from readings"; anything else it holds does not.
    void equalApartFromReadings()
    {
        const auto plain = TestSnapshots::topology();
        auto read = TestSnapshots::withReadings();
        const Model::NodeSummary &node = *plain.node(u"gpu-a"_qs);
        Model::NodeSummary onlyReadings = node;
        for (auto &device : onlyReadings.gpu->devices)
            device.readings = TestSnapshots::device(read, device.uuid)->readings;
        QVERIFY(!(onlyReadings == node));
        QVERIFY(onlyReadings.equalApartFromReadings(node));
        QVERIFY(node.equalApartFromReadings(onlyReadings));
        QVERIFY(node.equalApartFromReadings(node));

        // The MIG device gains a holder in withReadings(): not only readings.
        QVERIFY(!read.node(u"gpu-a"_qs)->equalApartFromReadings(node));
        Model::NodeSummary otherPci = onlyReadings;
        otherPci.gpu->devices.last().pciBusId = u"0000:ff:00.0"_qs;
        QVERIFY(!otherPci.equalApartFromReadings(node));
        Model::NodeSummary otherProduct = onlyReadings;
        otherProduct.gpu->product = u"NVIDIA-L40S"_qs;
        QVERIFY(!otherProduct.equalApartFromReadings(node));
        Model::NodeSummary fewerDevices = onlyReadings;
        fewerDevices.gpu->devices.removeLast();
        QVERIFY(!fewerDevices.equalApartFromReadings(node));
        QVERIFY(!node.equalApartFromReadings(fewerDevices));
        Model::NodeSummary notReady = onlyReadings;
        notReady.ready = !node.ready;
        QVERIFY(!notReady.equalApartFromReadings(node));
        Model::NodeSummary noGpu = node;
        noGpu.gpu.reset();
        QVERIFY(!noGpu.equalApartFromReadings(node));
        QVERIFY(!node.equalApartFromReadings(noGpu));
    }

    void zeroValuedResourcesAreKept()
    {
        Model::ClusterObjects objects;
        Kube::Node node = gpuNode(u"mig"_qs, 0, false);
        node.capacity.insert(u"nvidia.com/mig-3g.40gb"_qs, Core::Quantity::fromValue(0));
        objects.nodes.insert(node.meta.name, node);
        const auto snapshot = Model::buildSnapshot(objects);
        const auto *summary = snapshot.node(u"mig"_qs);
        QVERIFY(summary);
        QVERIFY(!summary->ready);
        QCOMPARE(summary->resources.size(), 2);
        QCOMPARE(summary->resources[1].name, u"nvidia.com/mig-3g.40gb"_qs);
        QCOMPARE(summary->resources[1].kind, Model::ResourceClass::Mig);
        QCOMPARE(summary->resources[1].capacity, qint64(0));
    }

    void sriovPoolsComeFromNetworkAttachments()
    {
        Model::ClusterObjects objects;
        Kube::Node node = gpuNode(u"n"_qs, 1);
        node.allocatable.insert(u"nvidia.com/hostdev"_qs, Core::Quantity::fromValue(8));
        objects.nodes.insert(node.meta.name, node);
        Kube::NetworkAttachmentDefinition nad;
        nad.meta.name = u"hostdev-net"_qs;
        nad.resourceName = u"nvidia.com/hostdev"_qs;
        objects.networkAttachments.insert(nad.meta.name, nad);
        const auto snapshot = Model::buildSnapshot(objects);
        const auto &resources = snapshot.node(u"n"_qs)->resources;
        QCOMPARE(resources[0].name, u"nvidia.com/gpu"_qs);
        QCOMPARE(resources[0].kind, Model::ResourceClass::Gpu);
        QCOMPARE(resources[1].name, u"nvidia.com/hostdev"_qs);
        QCOMPARE(resources[1].kind, Model::ResourceClass::Sriov);
    }
};

QTEST_GUILESS_MAIN(TestClusterSnapshot)
#include "tst_clustersnapshot.moc"
