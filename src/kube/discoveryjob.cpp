// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/discoveryjob.h"

#include "core/logging.h"
#include "net/apiconnection.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Specula::Kube {
namespace {

const QString kSriovGroups[]
    = { QStringLiteral("sriovnetwork.openshift.io/v1"), QStringLiteral("sriovnetwork.k8s.cni.cncf.io/v1") };
const QString kNadGroupVersion = QStringLiteral("k8s.cni.cncf.io/v1");
const QString kDraGroup = QStringLiteral("resource.k8s.io");
// The served DRA versions Specula reads, preferred first (the parsers take all three shapes).
const char *const kDraVersions[] = { "v1", "v1beta2", "v1beta1" };

bool isSriovGroup(const QString &group)
{
    for (const QString &gv : kSriovGroups) {
        if (gv.section(QLatin1Char('/'), 0, 0) == group)
            return true;
    }
    return false;
}

// The kinds found in optional API groups, by plural name.
std::optional<ResourceKind> optionalKind(const QString &plural)
{
    if (plural == QLatin1String("sriovnetworknodestates"))
        return ResourceKind::SriovNetworkNodeState;
    if (plural == QLatin1String("sriovnetworknodepolicies"))
        return ResourceKind::SriovNetworkNodePolicy;
    if (plural == QLatin1String("network-attachment-definitions"))
        return ResourceKind::NetworkAttachmentDefinition;
    if (plural == QLatin1String("resourceslices"))
        return ResourceKind::ResourceSlice;
    if (plural == QLatin1String("resourceclaims"))
        return ResourceKind::ResourceClaim;
    return std::nullopt;
}

// No SR-IOV kind has been taken from another group yet.
bool sriovGroupFree(const ApiDiscovery &discovery, const QString &group)
{
    for (ResourceKind kind : { ResourceKind::SriovNetworkNodeState, ResourceKind::SriovNetworkNodePolicy }) {
        const auto found = discovery.resource(kind);
        if (found && found->group != group)
            return false;
    }
    return true;
}

} // namespace

DiscoveryJob::DiscoveryJob(Net::ApiConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

QStringList DiscoveryJob::groupVersionsFromApis(const QJsonObject &apiGroupList)
{
    QStringList result;
    const QJsonArray groups = apiGroupList.value(QLatin1String("groups")).toArray();
    for (const QJsonValue &group : groups) {
        const QJsonArray versions = group.toObject().value(QLatin1String("versions")).toArray();
        for (const QJsonValue &version : versions)
            result << version.toObject().value(QLatin1String("groupVersion")).toString();
    }
    return result;
}

QStringList DiscoveryJob::optionalGroupVersions(const QStringList &served)
{
    QStringList wanted;
    for (const QString &gv : kSriovGroups) {
        if (served.contains(gv)) {
            wanted << gv;
            break;
        }
    }
    if (served.contains(kNadGroupVersion))
        wanted << kNadGroupVersion;
    for (const char *version : kDraVersions) {
        const QString gv = kDraGroup + QLatin1Char('/') + QLatin1String(version);
        if (served.contains(gv)) {
            wanted << gv;
            break;
        }
    }
    return wanted;
}

void DiscoveryJob::addResourcesFromGroupVersion(const QString &groupVersion, const QJsonObject &apiResourceList,
                                                ApiDiscovery &discovery)
{
    const QString group = groupVersion.section(QLatin1Char('/'), 0, 0);
    const QString version = groupVersion.section(QLatin1Char('/'), 1, 1);
    const QJsonArray resources = apiResourceList.value(QLatin1String("resources")).toArray();
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        const QString name = resource.value(QLatin1String("name")).toString();
        const bool namespaced = resource.value(QLatin1String("namespaced")).toBool();
        const ApiResource api { group, version, name, namespaced };
        const std::optional<ResourceKind> kind = optionalKind(name);
        if (!kind)
            continue;
        switch (*kind) {
        case ResourceKind::SriovNetworkNodeState:
        case ResourceKind::SriovNetworkNodePolicy:
            // Node states and policies come from one operator, so from one group: the first
            // SR-IOV group seen wins for both.
            if (isSriovGroup(group) && sriovGroupFree(discovery, group))
                discovery.resources.insert(*kind, api);
            break;
        case ResourceKind::NetworkAttachmentDefinition:
            if (group == QLatin1String("k8s.cni.cncf.io"))
                discovery.resources.insert(*kind, api);
            break;
        case ResourceKind::ResourceSlice:
        case ResourceKind::ResourceClaim:
            if (group == kDraGroup && (discovery.draVersion.isEmpty() || discovery.draVersion == version)) {
                discovery.draVersion = version;
                discovery.resources.insert(*kind, api);
            }
            break;
        default:
            break;
        }
    }
}

void DiscoveryJob::start()
{
    get(QStringLiteral("/version"), [this](const QJsonObject &version) {
        m_discovery.gitVersion = version.value(QLatin1String("gitVersion")).toString();
    });
    get(QStringLiteral("/api"), [this](const QJsonObject &api) {
        const QJsonArray versions = api.value(QLatin1String("versions")).toArray();
        for (const QJsonValue &version : versions) {
            m_discovery.groupVersions.prepend(version.toString());
            if (version.toString() == QLatin1String("v1")) {
                for (ResourceKind kind : { ResourceKind::Node, ResourceKind::Pod, ResourceKind::Namespace,
                                           ResourceKind::Service, ResourceKind::Event, ResourceKind::ConfigMap })
                    m_discovery.resources.insert(kind, ApiDiscovery::coreResource(kind));
            }
        }
    });
    get(QStringLiteral("/apis"), [this](const QJsonObject &apis) {
        const QStringList groupVersions = groupVersionsFromApis(apis);
        m_discovery.groupVersions << groupVersions;
        const QStringList wanted = optionalGroupVersions(groupVersions);
        for (const QString &gv : std::as_const(wanted)) {
            get(
                QStringLiteral("/apis/") + gv,
                [this, gv](const QJsonObject &list) { addResourcesFromGroupVersion(gv, list, m_discovery); }, true);
        }
    });
}

void DiscoveryJob::cancel()
{
    m_done = true;
    for (const auto &request : std::as_const(m_requests)) {
        if (request) {
            request->disconnect(this);
            request->cancel();
        }
    }
    deleteLater();
}

void DiscoveryJob::get(const QString &path, std::function<void(const QJsonObject &)> handle, bool optional)
{
    ++m_pending;
    Net::ApiRequest *request = m_connection->get(path);
    m_requests << request;
    connect(request, &Net::ApiRequest::finished, this,
            [this, request, handle = std::move(handle), optional](const Net::BodyResult &result) {
                if (m_done)
                    return;
                if (!result) {
                    // A group version that vanished between /apis and now is simply not there.
                    if (optional && result.error().kind == Core::Error::Kind::NotFound) {
                        requestDone();
                        return;
                    }
                    fail(result.error());
                    return;
                }
                QJsonParseError parseError;
                const QJsonDocument document = QJsonDocument::fromJson(*result, &parseError);
                if (!document.isObject()) {
                    fail(Core::Error {
                        Core::Error::Kind::Parse,
                        QStringLiteral("discovery answer is not a JSON object: %1").arg(parseError.errorString()),
                        Net::ApiRequest::safeUrl(request->url()),
                        0,
                        {} });
                    return;
                }
                handle(document.object());
                requestDone();
            });
}

void DiscoveryJob::requestDone()
{
    if (--m_pending > 0 || m_done)
        return;
    m_done = true;
    qCDebug(lcKube) << "discovered" << m_discovery.gitVersion << m_discovery.resources.size() << "kinds";
    Q_EMIT finished(m_discovery);
    deleteLater();
}

void DiscoveryJob::fail(const Core::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    for (const auto &request : std::as_const(m_requests)) {
        if (request) {
            request->disconnect(this);
            request->cancel();
        }
    }
    Q_EMIT failed(error);
    deleteLater();
}

} // namespace Specula::Kube
