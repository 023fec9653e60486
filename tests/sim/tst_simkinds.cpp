// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's newer kinds and selectors over real HTTPS on 127.0.0.1: ConfigMaps and SriovNetworkNodePolicies
// listed and watched, the apiserver's event field selectors in lists and watches, the demo's DRA and SR-IOV
// objects, and scenario errors.
#include "sim/tableformat.h"
#include "simtesthelpers.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>

using namespace Specula;
using namespace Specula::SimTest;

class TestSimKinds : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sim::SimServer> m_quirks;
    std::unique_ptr<Sim::SimServer> m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        m_quirks = start(u"builtin:quirks"_qs);
        m_demo = start(u"builtin:demo"_qs);
    }
    void cleanupTestCase()
    {
        m_quirks.reset();
        m_demo.reset();
    }

    void eventFieldSelectors_data()
    {
        QTest::addColumn<QString>("fieldSelector");
        QTest::addColumn<QStringList>("pods"); // involvedObject names, sorted
        const QStringList all { u"wants-gpu"_qs, u"wants-mig"_qs, u"wants-vf"_qs };
        QTest::addRow("reason") << u"reason=FailedScheduling"_qs << all;
        QTest::addRow("reason-double-equals") << u"reason==FailedScheduling"_qs << all;
        QTest::addRow("other-reason") << u"reason=Scheduled"_qs << QStringList();
        QTest::addRow("type") << u"type=Warning"_qs << all;
        QTest::addRow("type-not") << u"type!=Warning"_qs << QStringList();
        QTest::addRow("source") << u"source=default-scheduler"_qs << all;
        QTest::addRow("kind") << u"involvedObject.kind=Pod"_qs << all;
        QTest::addRow("kind-other") << u"involvedObject.kind=Node"_qs << QStringList();
        QTest::addRow("name") << u"involvedObject.name=wants-mig"_qs << QStringList { u"wants-mig"_qs };
        QTest::addRow("namespace") << u"involvedObject.namespace=telco"_qs << QStringList { u"wants-vf"_qs };
        QTest::addRow("uid") << u"involvedObject.uid=UID:telco/wants-vf"_qs << QStringList { u"wants-vf"_qs };
        QTest::addRow("and") << u"reason=FailedScheduling,involvedObject.name!=wants-gpu"_qs
                             << QStringList { u"wants-mig"_qs, u"wants-vf"_qs };
    }
    void eventFieldSelectors()
    {
        QFETCH(QString, fieldSelector);
        QFETCH(QStringList, pods);
        if (fieldSelector.contains(u"UID:")) {
            const QString pod = fieldSelector.section(u"UID:"_qs, 1);
            const QString uid
                = get(*m_quirks, u"/api/v1/namespaces/%1/pods/%2"_qs.arg(pod.section(u'/', 0, 0), pod.section(u'/', 1)))
                      .second.value(u"metadata")
                      .toObject()
                      .value(u"uid")
                      .toString();
            QVERIFY(!uid.isEmpty());
            fieldSelector = fieldSelector.section(u"UID:"_qs, 0, 0) + uid;
        }
        const QJsonArray events = items(*m_quirks, u"/api/v1/events?fieldSelector="_qs + selector(fieldSelector));
        QStringList got;
        for (const QJsonValue &e : events)
            got.append(e.toObject().value(u"involvedObject").toObject().value(u"name").toString());
        got.sort();
        QCOMPARE(got, pods);
    }

    void unsupportedFieldSelectorIs400_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("event-nodeName") << u"/api/v1/events?fieldSelector=spec.nodeName%3Dx"_qs;
        QTest::addRow("pod-reason") << u"/api/v1/pods?fieldSelector=reason%3DFailedScheduling"_qs;
        QTest::addRow("configmap-type") << u"/api/v1/configmaps?fieldSelector=type%3DWarning"_qs;
    }
    void unsupportedFieldSelectorIs400()
    {
        QFETCH(QString, path);
        const auto [status, body] = get(*m_quirks, path);
        QCOMPARE(status, 400);
        QCOMPARE(body.value(u"kind").toString(), u"Status"_qs);
        QVERIFY(body.value(u"message").toString().startsWith(u"field label not supported: "));
    }

    // New unschedulable pods of the dynamics get their event, in a watch that selects FailedScheduling only,
    // and the event goes when the pod is deleted.
    void watchSelectsEvents()
    {
        auto scenario = Sim::loadScenario(u"builtin:demo"_qs);
        QVERIFY(scenario.ok());
        scenario->dynamics = { 2, 1, 2 };
        Sim::ServerOptions options;
        options.tickMs = -1;
        Sim::SimServer server(std::move(scenario).value(), options);
        QVERIFY(server.start().ok());
        QNetworkAccessManager nam;
        QNetworkReply *watch = nam.get(
            request(server,
                    u"/api/v1/events?watch=1&resourceVersion=%1&fieldSelector=%2"_qs.arg(server.resourceVersion())
                        .arg(selector(u"reason=FailedScheduling,type=Warning"_qs))));
        QNetworkReply *none = nam.get(
            request(server,
                    u"/api/v1/events?watch=1&resourceVersion=%1&fieldSelector=%2"_qs.arg(server.resourceVersion())
                        .arg(selector(u"type=Normal"_qs))));
        QByteArray buffer;
        QByteArray noneBuffer;
        connect(watch, &QNetworkReply::readyRead, this, [&] { buffer += watch->readAll(); });
        connect(none, &QNetworkReply::readyRead, this, [&] { noneBuffer += none->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(none->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, 10000);
        server.advance(6);
        QList<QJsonObject> added;
        QList<QJsonObject> deleted;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qsizetype newline;
                while ((newline = buffer.indexOf('\n')) >= 0) {
                    const QJsonObject e = QJsonDocument::fromJson(buffer.left(newline)).object();
                    buffer.remove(0, newline + 1);
                    (e.value(u"type").toString() == u"DELETED" ? deleted : added).append(e);
                }
                return added.size() >= 6 && !deleted.isEmpty();
            }(),
            10000);
        for (const QJsonObject &e : std::as_const(added)) {
            const QJsonObject event = e.value(u"object").toObject();
            QCOMPARE(e.value(u"type").toString(), u"ADDED"_qs);
            QCOMPARE(event.value(u"reason").toString(), u"FailedScheduling"_qs);
            const QJsonObject involved = event.value(u"involvedObject").toObject();
            const auto [status, pod]
                = get(server, u"/api/v1/namespaces/batch/pods/"_qs + involved.value(u"name").toString());
            if (status == 200) {
                QCOMPARE(involved.value(u"uid").toString(), pod.value(u"metadata").toObject().value(u"uid").toString());
                QCOMPARE(event.value(u"message").toString(),
                         pod.value(u"status")
                             .toObject()
                             .value(u"conditions")
                             .toArray()
                             .first()
                             .toObject()
                             .value(u"message")
                             .toString());
            }
        }
        // Every remaining unschedulable batch pod still has its event; deleted pods have none.
        const QJsonArray pods = items(server, u"/api/v1/namespaces/batch/pods"_qs);
        const QJsonArray events
            = items(server, u"/api/v1/namespaces/batch/events?fieldSelector=reason%3DFailedScheduling"_qs);
        int unschedulable = 0;
        for (const QJsonValue &p : pods) {
            const QJsonArray conditions = p.toObject().value(u"status").toObject().value(u"conditions").toArray();
            unschedulable += conditions.size() == 1
                    && conditions.first().toObject().value(u"reason").toString() == u"Unschedulable"
                ? 1
                : 0;
        }
        QVERIFY(unschedulable > 0);
        QCOMPARE(events.size(), unschedulable);
        QVERIFY(noneBuffer.isEmpty());
        watch->abort();
        none->abort();
        delete watch;
        delete none;
    }

    void newKindsListAndWatch_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("names");
        QTest::addRow("configmaps") << u"/api/v1/configmaps"_qs << u"ConfigMap"_qs
                                    << QStringList { u"sriovdp-config"_qs };
        QTest::addRow("configmaps-in-ns") << u"/api/v1/namespaces/kube-system/configmaps"_qs << u"ConfigMap"_qs
                                          << QStringList { u"sriovdp-config"_qs };
        QTest::addRow("configmaps-other-ns")
            << u"/api/v1/namespaces/telco/configmaps"_qs << u"ConfigMap"_qs << QStringList();
        QTest::addRow("policies") << u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodepolicies"_qs
                                  << u"SriovNetworkNodePolicy"_qs
                                  << QStringList { u"hostdev-policy"_qs, u"sriov-legacy-policy"_qs };
        QTest::addRow("policies-in-ns")
            << u"/apis/sriovnetwork.openshift.io/v1/namespaces/nvidia-network-operator/sriovnetworknodepolicies"_qs
            << u"SriovNetworkNodePolicy"_qs << QStringList { u"hostdev-policy"_qs, u"sriov-legacy-policy"_qs };
    }
    void newKindsListAndWatch()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        QFETCH(QStringList, names);
        const auto [status, list] = get(*m_quirks, path);
        QCOMPARE(status, 200);
        QCOMPARE(list.value(u"kind").toString(), kind + u"List"_qs);
        QCOMPARE(SimTest::names(list.value(u"items").toArray()), names);
        for (const QJsonValue &item : list.value(u"items").toArray()) {
            QCOMPARE(item.toObject().value(u"kind").toString(), kind);
            QVERIFY(!item.toObject().value(u"metadata").toObject().value(u"uid").toString().isEmpty());
        }
        // A watch from "now" starts with every object as ADDED.
        QNetworkAccessManager nam;
        QNetworkReply *watch = nam.get(request(*m_quirks, path + u"?watch=1&timeoutSeconds=1"_qs));
        QSignalSpy done(watch, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QStringList watched;
        for (const QByteArray &line : watch->readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            QCOMPARE(e.value(u"type").toString(), u"ADDED"_qs);
            watched.append(e.value(u"object").toObject().value(u"metadata").toObject().value(u"name").toString());
        }
        watched.sort();
        QCOMPARE(watched, names);
        delete watch;
    }

    void discovery()
    {
        const auto [status, core] = get(*m_quirks, u"/api/v1"_qs);
        QCOMPARE(status, 200);
        QJsonObject configMaps;
        for (const QJsonValue &r : core.value(u"resources").toArray()) {
            if (r.toObject().value(u"name").toString() == u"configmaps")
                configMaps = r.toObject();
        }
        QCOMPARE(configMaps.value(u"kind").toString(), u"ConfigMap"_qs);
        QCOMPARE(configMaps.value(u"shortNames").toArray(), QJsonArray { u"cm"_qs });
        QVERIFY(configMaps.value(u"namespaced").toBool());
        const auto [status2, sriov] = get(*m_quirks, u"/apis/sriovnetwork.openshift.io/v1"_qs);
        QCOMPARE(status2, 200);
        QStringList kinds;
        for (const QJsonValue &r : sriov.value(u"resources").toArray()) {
            kinds.append(r.toObject().value(u"kind").toString());
            QVERIFY(r.toObject().value(u"namespaced").toBool());
        }
        kinds.sort();
        QCOMPARE(kinds, (QStringList { u"SriovNetworkNodePolicy"_qs, u"SriovNetworkNodeState"_qs }));
    }

    void demoDra()
    {
        const QJsonArray slices = items(*m_demo, u"/apis/resource.k8s.io/v1/resourceslices"_qs);
        QCOMPARE(slices.size(), 1);
        const QJsonObject spec = slices.first().toObject().value(u"spec").toObject();
        QCOMPARE(spec.value(u"driver").toString(), u"gpu.nvidia.com"_qs);
        QCOMPARE(spec.value(u"nodeName").toString(), u"gpu-dra-0"_qs);
        QCOMPARE(spec.value(u"pool").toObject().value(u"name").toString(), u"gpu-dra-0"_qs);
        QStringList devices;
        QSet<QString> uuids;
        for (const QJsonValue &d : spec.value(u"devices").toArray()) {
            const QJsonObject device = d.toObject();
            const QJsonObject a = device.value(u"attributes").toObject();
            const int index = a.value(u"index").toObject().value(u"int").toInt(-1);
            devices.append(device.value(u"name").toString());
            QCOMPARE(device.value(u"name").toString(), u"gpu-%1"_qs.arg(index));
            QCOMPARE(a.value(u"minor").toObject().value(u"int").toInt(-1), index);
            QCOMPARE(a.value(u"type").toObject().value(u"string").toString(), u"gpu"_qs);
            QCOMPARE(a.value(u"productName").toObject().value(u"string").toString(), u"NVIDIA H100 80GB HBM3"_qs);
            QVERIFY(a.value(u"driverVersion").toObject().contains(u"version"));
            QVERIFY(a.value(u"architecture").toObject().contains(u"string"));
            const QString uuid = a.value(u"uuid").toObject().value(u"string").toString();
            QVERIFY2(QRegularExpression(u"^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_qs)
                         .match(uuid)
                         .hasMatch(),
                     qPrintable(uuid));
            uuids.insert(uuid);
            QVERIFY(QRegularExpression(u"^0000:[0-9a-f]{2}:00\\.0$"_qs)
                        .match(a.value(u"pcieBusID").toObject().value(u"string").toString())
                        .hasMatch());
            QCOMPARE(device.value(u"capacity").toObject().value(u"memory").toObject().value(u"value").toString(),
                     u"80Gi"_qs);
        }
        QCOMPARE(devices, (QStringList { u"gpu-0"_qs, u"gpu-1"_qs, u"gpu-2"_qs, u"gpu-3"_qs }));
        QCOMPARE(uuids.size(), 4);

        const QJsonArray claims = items(*m_demo, u"/apis/resource.k8s.io/v1/resourceclaims"_qs);
        QCOMPARE(claims.size(), 1);
        const QJsonObject claim = claims.first().toObject();
        const QString ns = claim.value(u"metadata").toObject().value(u"namespace").toString();
        const QJsonObject result = claim.value(u"status")
                                       .toObject()
                                       .value(u"allocation")
                                       .toObject()
                                       .value(u"devices")
                                       .toObject()
                                       .value(u"results")
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(result,
                 (QJsonObject { { u"request"_qs, u"gpu"_qs },
                                { u"driver"_qs, u"gpu.nvidia.com"_qs },
                                { u"pool"_qs, u"gpu-dra-0"_qs },
                                { u"device"_qs, u"gpu-1"_qs } }));
        const QJsonObject consumer
            = claim.value(u"status").toObject().value(u"reservedFor").toArray().first().toObject();
        QCOMPARE(consumer.value(u"resource").toString(), u"pods"_qs);
        const auto [status, pod]
            = get(*m_demo, u"/api/v1/namespaces/%1/pods/%2"_qs.arg(ns, consumer.value(u"name").toString()));
        QCOMPARE(status, 200);
        QCOMPARE(pod.value(u"spec").toObject().value(u"nodeName").toString(), u"gpu-dra-0"_qs);
        QCOMPARE(pod.value(u"status").toObject().value(u"phase").toString(), u"Running"_qs);
        QCOMPARE(consumer.value(u"uid").toString(), pod.value(u"metadata").toObject().value(u"uid").toString());
        // The pod names the claim through its template and status, and its container uses it.
        const QJsonObject podClaim
            = pod.value(u"spec").toObject().value(u"resourceClaims").toArray().first().toObject();
        const QJsonObject claimStatus
            = pod.value(u"status").toObject().value(u"resourceClaimStatuses").toArray().first().toObject();
        QCOMPARE(claimStatus.value(u"name").toString(), podClaim.value(u"name").toString());
        QCOMPARE(claimStatus.value(u"resourceClaimName").toString(),
                 claim.value(u"metadata").toObject().value(u"name").toString());
        QCOMPARE(pod.value(u"spec")
                     .toObject()
                     .value(u"containers")
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"resources")
                     .toObject()
                     .value(u"claims")
                     .toArray(),
                 (QJsonArray { QJsonObject { { u"name"_qs, podClaim.value(u"name").toString() } } }));
        const auto [tableStatus, table] = get(*m_demo, u"/apis/resource.k8s.io/v1/resourceclaims"_qs,
                                              "application/json;as=Table;v=v1;g=meta.k8s.io");
        QCOMPARE(tableStatus, 200);
        QCOMPARE(table.value(u"rows").toArray().first().toObject().value(u"cells").toArray().at(1).toString(),
                 u"allocated,reserved"_qs);
    }

    // Every SR-IOV PF of the demo is matched by a policy whose pool the node offers.
    void demoPolicies()
    {
        const QJsonArray policies = items(*m_demo, u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodepolicies"_qs);
        const QJsonObject node = get(*m_demo, u"/api/v1/nodes/sriov-worker-0"_qs).second;
        const QJsonObject capacity = node.value(u"status").toObject().value(u"capacity").toObject();
        const QJsonObject state
            = items(*m_demo, u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodestates"_qs).first().toObject();
        QSet<QString> vendors;
        for (const QJsonValue &v : state.value(u"status").toObject().value(u"interfaces").toArray()) {
            const QJsonObject pf = v.toObject();
            if (pf.value(u"numVfs").toInt() == 0)
                continue;
            QString pool;
            for (const QJsonValue &p : policies) {
                const QJsonObject spec = p.toObject().value(u"spec").toObject();
                const QJsonObject nic = spec.value(u"nicSelector").toObject();
                const bool byName = nic.value(u"pfNames").toArray().contains(pf.value(u"name"));
                const bool byRoot = nic.value(u"rootDevices").toArray().contains(pf.value(u"pciAddress"));
                if (nic.value(u"vendor").toString() == pf.value(u"vendor").toString()
                    && nic.value(u"deviceID").toString(pf.value(u"deviceID").toString())
                        == pf.value(u"deviceID").toString()
                    && (byName || byRoot)) {
                    const QString ns = p.toObject().value(u"metadata").toObject().value(u"namespace").toString();
                    pool = (ns == u"nvidia-network-operator" ? u"nvidia.com/"_qs : u"openshift.io/"_qs)
                        + spec.value(u"resourceName").toString();
                }
            }
            QVERIFY2(!pool.isEmpty(), qPrintable(pf.value(u"name").toString()));
            QVERIFY2(capacity.contains(pool), qPrintable(pool));
            vendors.insert(pf.value(u"vendor").toString());
        }
        QCOMPARE(vendors, (QSet<QString> { u"8086"_qs, u"15b3"_qs }));
    }

    // Each unschedulable pod of the demo (GPU, MIG, VF) has its FailedScheduling event.
    void demoPendingPodsHaveEvents()
    {
        QSet<QString> resources;
        for (const QJsonValue &p : items(*m_demo, u"/api/v1/pods?fieldSelector=status.phase%3DPending"_qs)) {
            const QJsonObject pod = p.toObject();
            if (pod.value(u"spec").toObject().contains(u"nodeName"))
                continue;
            const QJsonObject metadata = pod.value(u"metadata").toObject();
            const QJsonArray events = items(
                *m_demo,
                u"/api/v1/events?fieldSelector=%1"_qs.arg(selector(
                    u"involvedObject.uid="_qs + metadata.value(u"uid").toString() + u",reason=FailedScheduling"_qs)));
            QCOMPARE(events.size(), 1);
            QCOMPARE(events.first().toObject().value(u"message").toString(),
                     pod.value(u"status")
                         .toObject()
                         .value(u"conditions")
                         .toArray()
                         .first()
                         .toObject()
                         .value(u"message")
                         .toString());
            const QJsonObject limits = pod.value(u"spec")
                                           .toObject()
                                           .value(u"containers")
                                           .toArray()
                                           .first()
                                           .toObject()
                                           .value(u"resources")
                                           .toObject()
                                           .value(u"limits")
                                           .toObject();
            for (auto it = limits.begin(); it != limits.end(); ++it)
                resources.insert(it.key());
        }
        QVERIFY(resources.contains(u"nvidia.com/gpu"_qs));
        QVERIFY(resources.contains(u"nvidia.com/mig-3g.40gb"_qs));
        QVERIFY(resources.contains(u"openshift.io/intel_sriov_dpdk"_qs));
    }

    void badScenarios_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        QTest::addRow("ago-not-a-number") << QByteArray("name: x\nobjects:\n  events:\n    - metadata: {name: e}\n"
                                                        "      lastTimestamp: !ago soon\n")
                                          << u"bad.yaml:5"_qs << u"!ago"_qs;
        QTest::addRow("tick-too-short") << QByteArray("name: x\ntickMs: 5\n") << u"bad.yaml:2"_qs << u"tickMs"_qs;
        QTest::addRow("claim-both") << QByteArray("name: x\npods:\n  - name: p\n    namespace: n\n"
                                                  "    resourceClaims: [{name: gpu, resourceClaimName: a, "
                                                  "resourceClaimTemplateName: b}]\n"
                                                  "    containers: [{name: c}]\n")
                                    << u"bad.yaml:5"_qs << u"exactly one"_qs;
        QTest::addRow("unknown-object-kind")
            << QByteArray("name: x\nobjects:\n  secrets: []\n") << u"bad.yaml:3"_qs << u"secrets"_qs;
    }
    void badScenarios()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const auto scenario = Sim::parseScenario(yaml, u"bad.yaml"_qs);
        QVERIFY(!scenario.ok());
        QCOMPARE(scenario.error().where, where);
        QVERIFY2(scenario.error().message.contains(message), qPrintable(scenario.error().message));
    }

    void agoTimesAreRelative()
    {
        const auto scenario
            = Sim::parseScenario("name: x\ntickMs: 0\nobjects:\n  configmaps:\n"
                                 "    - metadata: {name: c, namespace: n, creationTimestamp: !ago 7200}\n",
                                 u"t.yaml"_qs);
        QVERIFY(scenario.ok());
        Sim::ServerOptions options;
        Sim::SimServer server(scenario.value(), options);
        QVERIFY(server.start().ok());
        const QJsonObject configMap = get(server, u"/api/v1/namespaces/n/configmaps/c"_qs).second;
        const QDateTime created = QDateTime::fromString(
            configMap.value(u"metadata").toObject().value(u"creationTimestamp").toString(), Qt::ISODate);
        QVERIFY(created.isValid());
        QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc()) - 7200) < 60);
        QCOMPARE(Sim::TableFormat::humanAge(7200), u"120m"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSimKinds)
#include "tst_simkinds.moc"
