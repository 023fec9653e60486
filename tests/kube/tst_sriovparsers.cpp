// SPDX-License-Identifier: GPL-3.0-or-later
// SR-IOV network operator objects: node state spec, policies, and the operator's JSON spellings.
#include "kube/resourceparsers.h"
#include "kubetestdata.h"

#include <QTest>

using namespace Specula;
using Kube::ResourceKind;
using Kube::ResourceParsers;

class TestSriovParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // spec.interfaces of the real states: which PF the operator configures for which pool.
    void stateSpec_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("specInterfaces");
        QTest::addColumn<QString>("pfName");
        QTest::addColumn<QString>("pciAddress");
        QTest::addColumn<int>("numVfs");
        QTest::addColumn<QString>("resourceName");
        QTest::addColumn<QString>("deviceType");
        QTest::addColumn<QString>("vfRange");
        QTest::addColumn<QString>("policyName");
        QTest::addRow("igb-vfio-storm5") << u"sriovnetworknodestate_igb-vfio_storm5.json"_qs << 1 << u"eno4"_qs
                                         << u"0000:01:00.3"_qs << 7 << u"storm5"_qs << u"vfio-pci"_qs << u"0-6"_qs
                                         << u"storm5"_qs;
        QTest::addRow("ice-iavf-worker1")
            << u"sriovnetworknodestate_ice-iavf_partial_worker1.json"_qs << 2 << u"ens3f1"_qs << u"0000:98:00.1"_qs << 8
            << u"sriov_ens3f1"_qs << u"netdevice"_qs << u"0-7"_qs << u"sriov-ens3f1"_qs;
        QTest::addRow("mlx5-cnfdf06-list")
            << u"sriovnetworknodestatelist_i40e-iavf_mlx5_cnfdf06.json"_qs << 1 << u"ens5f0"_qs << u"0000:86:00.0"_qs
            << 6 << u"vuy_sriovnic"_qs << u"netdevice"_qs << u"0-5"_qs << u"sriov-network-node-policy"_qs;
    }
    void stateSpec()
    {
        QFETCH(QString, file);
        QFETCH(int, specInterfaces);
        QFETCH(QString, pfName);
        QFETCH(QString, pciAddress);
        QFETCH(int, numVfs);
        QFETCH(QString, resourceName);
        QFETCH(QString, deviceType);
        QFETCH(QString, vfRange);
        QFETCH(QString, policyName);
        const QByteArray json = Test::kubeTestData(file);
        QJsonObject object = Test::jsonObject(json);
        if (object.contains(u"items"_qs))
            object = Test::listItems(json).first();
        auto state = ResourceParsers::parseSriovNetworkNodeState(object);
        QVERIFY2(state, qPrintable(state.ok() ? QString() : state.error().toString()));
        QCOMPARE(state->specInterfaces.size(), specInterfaces);
        const Kube::SriovSpecInterface &pf = state->specInterfaces.last();
        QCOMPARE(pf.name, pfName);
        QCOMPARE(pf.pciAddress, pciAddress);
        QCOMPARE(pf.numVfs, numVfs);
        QCOMPARE(pf.vfGroups.size(), 1);
        QCOMPARE(pf.vfGroups.first().resourceName, resourceName);
        QCOMPARE(pf.vfGroups.first().deviceType, deviceType);
        QCOMPARE(pf.vfGroups.first().vfRange, vfRange);
        QCOMPARE(pf.vfGroups.first().policyName, policyName);
        QVERIFY(!state->interfaces.isEmpty()); // status is still read next to spec
    }

    // The operator's Go JSON tags: "Vfs" and "Vlan" capitalised, "totalvfs" all lower case; VFs
    // bound to vfio-pci have no name or mac. Each row fails if its spelling is not honoured.
    void operatorSpelling_data()
    {
        QTest::addColumn<QByteArray>("interfaceJson");
        QTest::addColumn<int>("vfs");
        QTest::addColumn<int>("totalVfs"); // -1: absent
        QTest::addColumn<int>("vlan"); // of the first VF; -1: absent
        QTest::addColumn<QString>("vfName");
        QTest::addRow("Vfs-capital") << QByteArray(R"({"Vfs":[{"vfID":0},{"vfID":1}]})") << 2 << -1 << -1 << QString();
        QTest::addRow("vfs-lower-is-not-the-field")
            << QByteArray(R"({"vfs":[{"vfID":0}]})") << 0 << -1 << -1 << QString();
        QTest::addRow("totalvfs-lower") << QByteArray(R"({"totalvfs":64})") << 0 << 64 << -1 << QString();
        QTest::addRow("totalVfs-camel-is-not-the-field")
            << QByteArray(R"({"totalVfs":64})") << 0 << -1 << -1 << QString();
        QTest::addRow("Vlan-capital") << QByteArray(R"({"Vfs":[{"vfID":0,"Vlan":140}]})") << 1 << -1 << 140
                                      << QString();
        QTest::addRow("vlan-lower-from-docs-ignored")
            << QByteArray(R"({"Vfs":[{"vfID":0,"vlan":140}]})") << 1 << -1 << -1 << QString();
        QTest::addRow("vfio-vf-without-name-mac")
            << QByteArray(R"({"Vfs":[{"deviceID":"1520","driver":"vfio-pci","pciAddress":"0000:01:10.3",
                "vendor":"8086","vfID":0}]})")
            << 1 << -1 << -1 << QString();
        QTest::addRow("netdevice-vf-with-name")
            << QByteArray(R"({"Vfs":[{"vfID":0,"name":"ens3f1v0"}]})") << 1 << -1 << -1 << u"ens3f1v0"_qs;
    }
    void operatorSpelling()
    {
        QFETCH(QByteArray, interfaceJson);
        QFETCH(int, vfs);
        QFETCH(int, totalVfs);
        QFETCH(int, vlan);
        QFETCH(QString, vfName);
        QByteArray json
            = R"({"apiVersion":"sriovnetwork.openshift.io/v1","metadata":{"name":"n"},"status":{"interfaces":[]}})";
        json.replace("[]", QByteArray("[" + interfaceJson + "]"));
        auto state = ResourceParsers::parseSriovNetworkNodeState(Test::jsonObject(json));
        QVERIFY2(state, qPrintable(state.ok() ? QString() : state.error().toString()));
        const Kube::SriovInterface &nic = state->interfaces.first();
        QCOMPARE(nic.vfs.size(), vfs);
        QCOMPARE(nic.totalVfs.value_or(-1), totalVfs);
        if (vfs > 0) {
            QCOMPARE(nic.vfs.first().vlan.value_or(-1), vlan);
            QCOMPARE(nic.vfs.first().name, vfName);
            QVERIFY(nic.vfs.first().mac.isEmpty());
        }
    }

    // Policies from the operator's docs and the NVIDIA Network Operator's example.
    void policies()
    {
        auto page = ResourceParsers::parseList(
            ResourceKind::SriovNetworkNodePolicy,
            Test::kubeTestData(u"sriovnetworknodepolicylist_operator-docs_network-operator.json"_qs));
        QVERIFY2(page, qPrintable(page.ok() ? QString() : page.error().toString()));
        QCOMPARE(page->items.size(), 3);
        const auto &basic = std::get<Kube::SriovNetworkNodePolicy>(page->items.at(0));
        QCOMPARE(basic.meta.name, u"policy-1"_qs);
        QCOMPARE(basic.meta.namespaceName, u"sriov-network-operator"_qs);
        QCOMPARE(basic.apiGroup, u"sriovnetwork.openshift.io"_qs);
        QCOMPARE(basic.resourceName, u"intelnics"_qs);
        QCOMPARE(basic.deviceType, u"vfio-pci"_qs);
        QCOMPARE(basic.numVfs, 4);
        QCOMPARE(basic.priority, 90);
        QVERIFY(!basic.isRdma);
        QCOMPARE(basic.nodeSelector.value(u"feature.node.kubernetes.io/network-sriov.capable"_qs), u"true"_qs);
        QCOMPARE(basic.nicSelector.vendor, u"8086"_qs);
        QCOMPARE(basic.nicSelector.deviceId, u"1583"_qs);
        QCOMPARE(basic.nicSelector.rootDevices, QStringList { u"0000:86:00.0"_qs });
        QVERIFY(basic.nicSelector.pfNames.isEmpty());

        const auto &quickstart = std::get<Kube::SriovNetworkNodePolicy>(page->items.at(1));
        QCOMPARE(quickstart.deviceType, u"netdevice"_qs);
        QCOMPARE(quickstart.priority, 99);
        QCOMPARE(quickstart.nicSelector.rootDevices, QStringList { u"0000:18:00.1"_qs });

        // No priority and no deviceType: 0 (the Go zero value; the CRD has no default) and the
        // CRD's default netdevice.
        const auto &nvidia = std::get<Kube::SriovNetworkNodePolicy>(page->items.at(2));
        QCOMPARE(nvidia.meta.namespaceName, u"network-operator"_qs);
        QCOMPARE(nvidia.resourceName, u"sriovlegacy"_qs);
        QCOMPARE(nvidia.priority, 0);
        QCOMPARE(nvidia.deviceType, u"netdevice"_qs);
        QVERIFY(nvidia.isRdma);
        QCOMPARE(nvidia.numVfs, 1);
        QCOMPARE(nvidia.nicSelector.vendor, u"15b3"_qs);
        QVERIFY(nvidia.nicSelector.deviceId.isEmpty());
    }

    void policyDetails_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<int>("priority");
        QTest::addColumn<QStringList>("pfNames");
        QTest::addColumn<QString>("netFilter");
        QTest::addRow("priority-zero-is-kept") << QByteArray(R"({"priority":0})") << 0 << QStringList() << QString();
        QTest::addRow("priority-missing-is-zero") << QByteArray(R"({"numVfs":2})") << 0 << QStringList() << QString();
        QTest::addRow("priority-99") << QByteArray(R"({"priority":99})") << 99 << QStringList() << QString();
        QTest::addRow("pf-names-with-vf-ranges")
            << QByteArray("{\"nicSelector\":{\"pfNames\":[\"ens1f0#0-3\",\"ens1f1\"]}}") << 0
            << QStringList { u"ens1f0#0-3"_qs, u"ens1f1"_qs } << QString();
        QTest::addRow("net-filter") << QByteArray(R"({"nicSelector":{"netFilter":"openstack/NetworkID:ada9ec67"}})")
                                    << 0 << QStringList() << u"openstack/NetworkID:ada9ec67"_qs;
    }
    void policyDetails()
    {
        QFETCH(QByteArray, spec);
        QFETCH(int, priority);
        QFETCH(QStringList, pfNames);
        QFETCH(QString, netFilter);
        QByteArray json = R"({"apiVersion":"sriovnetwork.k8s.cni.cncf.io/v1","metadata":{"name":"p"},"spec":{}})";
        json.replace("\"spec\":{}", QByteArray("\"spec\":" + spec));
        auto policy = ResourceParsers::parseSriovNetworkNodePolicy(Test::jsonObject(json));
        QVERIFY2(policy, qPrintable(policy.ok() ? QString() : policy.error().toString()));
        QCOMPARE(policy->apiGroup, u"sriovnetwork.k8s.cni.cncf.io"_qs);
        QCOMPARE(policy->priority, priority);
        QCOMPARE(policy->nicSelector.pfNames, pfNames);
        QCOMPARE(policy->nicSelector.netFilter, netFilter);
    }

    void malformed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const int policy = int(ResourceKind::SriovNetworkNodePolicy);
        const int state = int(ResourceKind::SriovNetworkNodeState);
        QTest::addRow("policy-numvfs-string")
            << policy << QByteArray(R"({"metadata":{"name":"p","namespace":"ns"},"spec":{"numVfs":"4"}})")
            << u"SriovNetworkNodePolicy ns/p"_qs << u"spec.numVfs: expected an integer, got a string"_qs;
        QTest::addRow("policy-pfnames-string")
            << policy << QByteArray(R"({"metadata":{"name":"p"},"spec":{"nicSelector":{"pfNames":"ens1f0"}}})")
            << u"SriovNetworkNodePolicy p"_qs << u"spec.nicSelector.pfNames: expected an array, got a string"_qs;
        QTest::addRow("policy-rootdevice-number")
            << policy << QByteArray(R"({"metadata":{"name":"p"},"spec":{"nicSelector":{"rootDevices":["a",1]}}})")
            << u"SriovNetworkNodePolicy p"_qs << u"spec.nicSelector.rootDevices[1]: expected a string, got a number"_qs;
        QTest::addRow("policy-node-selector-bool")
            << policy << QByteArray(R"({"metadata":{"name":"p"},"spec":{"nodeSelector":{"a":true}}})")
            << u"SriovNetworkNodePolicy p"_qs << u"spec.nodeSelector: value of \"a\": expected a string"_qs;
        QTest::addRow("policy-isrdma-string")
            << policy << QByteArray(R"({"metadata":{"name":"p"},"spec":{"isRdma":"true"}})")
            << u"SriovNetworkNodePolicy p"_qs << u"spec.isRdma: expected a boolean, got a string"_qs;
        QTest::addRow("state-vfgroup-range-number")
            << state
            << QByteArray(
                   R"({"metadata":{"name":"n"},"spec":{"interfaces":[{"name":"p0","vfGroups":[{"vfRange":3}]}]}})")
            << u"SriovNetworkNodeState n"_qs << u"spec.interfaces[0].vfGroups[0].vfRange: expected a string"_qs;
        QTest::addRow("state-spec-interfaces-object")
            << state << QByteArray(R"({"metadata":{"name":"n"},"spec":{"interfaces":{}}})")
            << u"SriovNetworkNodeState n"_qs << u"spec.interfaces: expected an array, got an object"_qs;
    }
    void malformed()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, message);
        auto parsed = ResourceParsers::parseObject(ResourceKind(kind), Test::jsonObject(json));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(parsed.error().where, where);
        QVERIFY2(parsed.error().message.startsWith(message), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSriovParsers)
#include "tst_sriovparsers.moc"
