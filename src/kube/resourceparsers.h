// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/textpool.h"
#include "kube/resourcekind.h"
#include "kube/resources.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace Specula::Kube {

// One page of a list response, already turned into value types.
struct ListPage
{
    QList<Resource> items;
    QString resourceVersion; // metadata.resourceVersion of the list
    QString continueToken; // empty on the last page
    std::optional<qint64> remainingItemCount;
};

// JSON → value types. Pure functions, safe on any thread. Anything malformed (bad JSON, a field
// of the wrong type, an unparsable quantity) gives one Kind::Parse error that names the object
// and the field path, e.g. "Pod default/web-0: spec.containers[1].resources.limits.cpu: …".
class ResourceParsers
{
public:
    // A whole list body (one page). `where` (the URL) prefixes errors about the page itself. The
    // items share their repeated texts through `pool`, or through a pool of the page's own; a
    // caller reading a list's pages one after another passes one pool for all of them.
    static Core::Result<ListPage> parseList(ResourceKind kind, const QByteArray &json, const QString &where = {},
                                            Core::TextPool *pool = nullptr);
    // Objects read with one `pool` share their repeated texts (only nodes and pods are numerous
    // enough for it to pay); a list page shares them across its items.
    static Core::Result<Resource> parseObject(ResourceKind kind, const QJsonObject &object,
                                              Core::TextPool *pool = nullptr);

    static Core::Result<Node> parseNode(const QJsonObject &object, Core::TextPool *pool = nullptr);
    static Core::Result<Pod> parsePod(const QJsonObject &object, Core::TextPool *pool = nullptr);
    static Core::Result<Namespace> parseNamespace(const QJsonObject &object);
    static Core::Result<Service> parseService(const QJsonObject &object);
    static Core::Result<Event> parseEvent(const QJsonObject &object);
    static Core::Result<NetworkAttachmentDefinition> parseNetworkAttachmentDefinition(const QJsonObject &object);
    static Core::Result<ConfigMap> parseConfigMap(const QJsonObject &object);

    // sriovparsers.cpp. The state's spec.interfaces go to specInterfaces; a policy without
    // priority has priority 0 and one without deviceType "netdevice", as the operator reads them.
    static Core::Result<SriovNetworkNodeState> parseSriovNetworkNodeState(const QJsonObject &object);
    static Core::Result<SriovNetworkNodePolicy> parseSriovNetworkNodePolicy(const QJsonObject &object);

    // draparsers.cpp. resource.k8s.io v1 and v1beta2 put attributes and capacity on the device,
    // v1beta1 under "basic"; both are read, whatever version was asked for.
    static Core::Result<ResourceSlice> parseResourceSlice(const QJsonObject &object);
    static Core::Result<ResourceClaim> parseResourceClaim(const QJsonObject &object);

    // RFC 3339 as the API server writes it ("2024-09-20T17:16:28Z", MicroTime with fractions,
    // or an offset); invalid QDateTime for anything else.
    static QDateTime parseTimestamp(QStringView text);
    // The continue token of a list body, read from the bytes before "items" without parsing the
    // document, so the next page can be requested while this one is parsed. Nothing when it
    // cannot tell (then the caller waits for the real parse); an empty string on the last page.
    static std::optional<QString> peekContinueToken(const QByteArray &json);
};

} // namespace Specula::Kube
