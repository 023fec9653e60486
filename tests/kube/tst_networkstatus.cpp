// SPDX-License-Identifier: GPL-3.0-or-later
// Multus network-status annotations, from real `kubectl describe` / `oc get -oyaml` output.
#include "kube/networkstatus.h"
#include "kubetestdata.h"

#include <QTest>

using namespace Specula;
using Kube::NetworkStatusEntry;

namespace {

const QString kKey = QStringLiteral("k8s.v1.cni.cncf.io/network-status");
const QString kOldKey = QStringLiteral("k8s.v1.cni.cncf.io/networks-status");

// The JSON array that follows `key` in a text dump (describe output or YAML block scalar):
// from the first '[' after the key to its matching ']', skipping brackets inside strings.
QByteArray annotationArray(const QByteArray &text, const QByteArray &key)
{
    const qsizetype at = text.indexOf(key);
    const qsizetype start = at < 0 ? -1 : text.indexOf('[', at);
    if (start < 0)
        qFatal("no %s array in the fixture", key.constData());
    int depth = 0;
    bool inString = false;
    for (qsizetype i = start; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']' && --depth == 0) {
            return text.mid(start, i - start + 1);
        }
    }
    qFatal("unterminated %s array", key.constData());
}

Kube::ObjectMeta pod(const Kube::StringMap &annotations)
{
    Kube::ObjectMeta meta;
    meta.name = QStringLiteral("sample-pod");
    meta.namespaceName = QStringLiteral("openshift-sriov-network-operator");
    meta.annotations = annotations;
    return meta;
}

} // namespace

class TestNetworkStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realAnnotations_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("annotationKey"); // the key the pod carries the JSON under
        QTest::addColumn<int>("entries");
        QTest::addColumn<int>("row"); // the entry checked below
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("interfaceName");
        QTest::addColumn<QStringList>("ips");
        QTest::addColumn<QString>("mac");
        QTest::addColumn<bool>("isDefault");
        QTest::addColumn<QString>("deviceType");
        QTest::addColumn<QString>("pciAddress");
        QTest::addColumn<QString>("rdmaDevice");
        const QString quickstart = u"multus_network-status_kubectl-describe_quickstart.txt"_qs;
        const QString rdma = u"multus_network-status_real_rdma-device_kubectl-describe.txt"_qs;
        const QString openshift = u"pod_real_network-status_sriov-device-info_openshift.yaml"_qs;
        // The default network entry has no "interface".
        QTest::addRow("default-without-interface")
            << quickstart << kKey << 2 << 0 << u"cbr0"_qs << QString() << QStringList { u"10.244.1.73"_qs } << QString()
            << true << QString() << QString() << QString();
        QTest::addRow("macvlan-secondary")
            << quickstart << kKey << 2 << 1 << u"macvlan-conf"_qs << u"net1"_qs << QStringList { u"192.168.1.205"_qs }
            << u"86:1d:96:ff:55:0d"_qs << false << QString() << QString() << QString();
        // Multus 3.x wrote the plural key only.
        QTest::addRow("deprecated-networks-status-key")
            << quickstart << kOldKey << 2 << 1 << u"macvlan-conf"_qs << u"net1"_qs
            << QStringList { u"192.168.1.205"_qs } << u"86:1d:96:ff:55:0d"_qs << false << QString() << QString()
            << QString();
        // device-info without "version", with an RDMA device.
        QTest::addRow("rdma-device-without-version")
            << rdma << kKey << 3 << 1 << u"grout/net-a-cnfdr26"_qs << u"net1"_qs << QStringList { u"192.168.1.11"_qs }
            << u"d6:25:47:a2:36:6b"_qs << false << u"pci"_qs << u"0000:c0:01.3"_qs << u"mlx5_11"_qs;
        QTest::addRow("ovn-default") << rdma << kKey << 3 << 0 << u"ovn-kubernetes"_qs << u"eth0"_qs
                                     << QStringList { u"10.135.0.147"_qs } << u"0a:58:0a:87:00:93"_qs << true
                                     << QString() << QString() << QString();
        // An SR-IOV VF with device-info 1.1.0 and no IP.
        QTest::addRow("sriov-vf-device-info")
            << openshift << kKey << 2 << 1 << u"openshift-sriov-network-operator/sriov-ens3f1-vlan140"_qs << u"net1"_qs
            << QStringList() << u"06:81:10:9d:9b:38"_qs << false << u"pci"_qs << u"0000:98:11.4"_qs << QString();
    }
    void realAnnotations()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, annotationKey);
        QFETCH(int, entries);
        QFETCH(int, row);
        const QByteArray json = annotationArray(Test::sharedFixture(fixture), kKey.toUtf8());
        auto parsed = Kube::parseNetworkStatus(pod({ { annotationKey, QString::fromUtf8(json) } }));
        QVERIFY2(parsed, qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), entries);
        const NetworkStatusEntry &entry = parsed->at(row);
        QTEST(entry.name, "name");
        QTEST(entry.interfaceName, "interfaceName");
        QTEST(entry.ips, "ips");
        QTEST(entry.mac, "mac");
        QTEST(entry.isDefault, "isDefault");
        QTEST(entry.deviceType, "deviceType");
        QTEST(entry.pciAddress, "pciAddress");
        QTEST(entry.rdmaDevice, "rdmaDevice");
    }

    void keys_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QStringList>("names");
        const QString a = uR"([{"name":"from-new-key"}])"_qs;
        const QString b = uR"([{"name":"from-old-key"}])"_qs;
        QTest::addRow("none") << QStringList() << QStringList() << QStringList();
        QTest::addRow("other-annotations-only")
            << QStringList { u"k8s.v1.cni.cncf.io/networks"_qs } << QStringList { u"macvlan-conf"_qs } << QStringList();
        QTest::addRow("new") << QStringList { kKey } << QStringList { a } << QStringList { u"from-new-key"_qs };
        QTest::addRow("old") << QStringList { kOldKey } << QStringList { b } << QStringList { u"from-old-key"_qs };
        QTest::addRow("both-new-wins") << QStringList { kOldKey, kKey } << QStringList { b, a }
                                       << QStringList { u"from-new-key"_qs };
        QTest::addRow("empty-array") << QStringList { kKey } << QStringList { u"[]"_qs } << QStringList();
    }
    void keys()
    {
        QFETCH(QStringList, keys);
        QFETCH(QStringList, values);
        QFETCH(QStringList, names);
        Kube::StringMap annotations;
        for (qsizetype i = 0; i < keys.size(); ++i)
            annotations.insert(keys.at(i), values.at(i));
        auto parsed = Kube::parseNetworkStatus(pod(annotations));
        QVERIFY(parsed);
        QStringList got;
        for (const NetworkStatusEntry &entry : *parsed)
            got << entry.name;
        QCOMPARE(got, names);
    }

    // pf-pci-address and vdpa devices, in the spec example with its typos (curly quotes, missing
    // commas) fixed; the published text itself must fail with a position.
    void deviceInfoSpecExample()
    {
        const QByteArray text
            = Test::sharedFixture(u"multus_network-status_device-info-spec-example_INVALID-JSON.yaml"_qs);
        QByteArray json = text.mid(text.indexOf('[', text.indexOf(kKey.toUtf8())));
        Kube::ObjectMeta meta;
        meta.name = u"my-pod"_qs;
        meta.namespaceName = u"my-namespace"_qs;
        meta.annotations.insert(kKey, QString::fromUtf8(json));
        auto broken = Kube::parseNetworkStatus(meta);
        QVERIFY(!broken);
        QCOMPARE(broken.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(broken.error().where, u"Pod my-namespace/my-pod"_qs);
        QVERIFY2(broken.error().message.startsWith(
                     u"annotation k8s.v1.cni.cncf.io/network-status: invalid JSON at line "_qs),
                 qPrintable(broken.error().message));

        json.replace("\xe2\x80\x9d", "\""); // ” → "
        json.replace("<b>", "").replace("</b>", "");
        json.replace("\"0000:18:02.5\"\n", "\"0000:18:02.5\",\n");
        json.replace("\"0000:18:0a.2\"\n", "\"0000:18:0a.2\",\n");
        auto parsed = Kube::parseNetworkStatusJson(json, u"spec example"_qs);
        QVERIFY2(parsed, qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), 5);
        QCOMPARE(parsed->at(1).pciAddress, u"0000:18:02.5"_qs);
        QCOMPARE(parsed->at(1).pfPciAddress, u"0000:18:00.0"_qs);
        QCOMPARE(parsed->at(2).pfPciAddress, u"0000:18:00.1"_qs);
        QCOMPARE(parsed->at(3).deviceType, u"vhost-user"_qs);
        QVERIFY(parsed->at(3).pciAddress.isEmpty());
        QCOMPARE(parsed->at(4).deviceType, u"vdpa"_qs);
        QCOMPARE(parsed->at(4).pciAddress, u"0000:02:01:6"_qs); // as given, however odd
        QCOMPARE(parsed->at(0).ips, (QStringList { u"192.0.2.2/24"_qs, u"2001:db8::2230/32"_qs }));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::addRow("truncated")
            << uR"([{"name": "a")"_qs
            << u"annotation k8s.v1.cni.cncf.io/network-status: invalid JSON at line 1, column"_qs;
        QTest::addRow("second-line") << u"[\n  {\"name\": \"a\",,}\n]"_qs
                                     << u"annotation k8s.v1.cni.cncf.io/network-status: invalid JSON at line 2, "_qs;
        QTest::addRow("object-not-array")
            << uR"({"name": "a"})"_qs << u"annotation k8s.v1.cni.cncf.io/network-status: expected a JSON array"_qs;
        QTest::addRow("entry-string") << uR"(["a"])"_qs
                                      << u"annotation k8s.v1.cni.cncf.io/network-status: [0]: expected an object"_qs;
        QTest::addRow("ips-string") << uR"([{"name":"a"},{"name":"b","ips":"10.0.0.1"}])"_qs
                                    << u"annotation k8s.v1.cni.cncf.io/network-status: [1].ips: expected an array"_qs;
        QTest::addRow("default-string")
            << uR"([{"name":"a","default":"true"}])"_qs
            << u"annotation k8s.v1.cni.cncf.io/network-status: [0].default: expected a boolean, got a string"_qs;
        QTest::addRow("pci-address-number")
            << uR"([{"name":"a","device-info":{"type":"pci","pci":{"pci-address":1}}}])"_qs
            << u"annotation k8s.v1.cni.cncf.io/network-status: [0].device-info.pci.pci-address: expected a string"_qs;
    }
    void malformed()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        auto parsed = Kube::parseNetworkStatus(pod({ { kKey, value } }));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(parsed.error().where, u"Pod openshift-sriov-network-operator/sample-pod"_qs);
        QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestNetworkStatus)
#include "tst_networkstatus.moc"
