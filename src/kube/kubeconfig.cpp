// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeconfig.h"

#include "kube/kubeconfigauth.h"
#include "kube/kubeconfigfile.h"
#include "kube/kubeconfigpem.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace Specula::Kube {

struct KubeConfigData
{
    QStringList files;
    QString currentContext;
    QMap<QString, KubeConfigEntry> clusters;
    QMap<QString, KubeConfigEntry> contexts;
    QMap<QString, KubeConfigEntry> users;
    QStringList contextOrder;
};

namespace {

Core::Error configError(const QString &where, const QString &message)
{
    return Core::Error { Core::Error::Kind::Config, message, where, 0, {} };
}

void merge(QMap<QString, KubeConfigEntry> &into, const QList<KubeConfigEntry> &entries, QStringList *order = nullptr)
{
    // kubectl's rule: the first file that defines a name wins.
    for (const KubeConfigEntry &entry : entries) {
        if (into.contains(entry.name()))
            continue;
        into.insert(entry.name(), entry);
        if (order)
            order->append(entry.name());
    }
}

Core::Result<QNetworkProxy> proxyFrom(const KubeConfigEntry &cluster, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return cluster.error("proxy-url", QStringLiteral("\"%1\" is not a URL with a host").arg(text));
    const QString scheme = url.scheme().toLower();
    QNetworkProxy proxy;
    if (scheme == QLatin1String("http")) {
        proxy = QNetworkProxy(QNetworkProxy::HttpProxy, url.host(), quint16(url.port(80)));
    } else if (scheme == QLatin1String("socks5")) {
        proxy = QNetworkProxy(QNetworkProxy::Socks5Proxy, url.host(), quint16(url.port(1080)));
    } else if (scheme == QLatin1String("https")) {
        return cluster.error("proxy-url",
                             QStringLiteral("https:// proxies are not supported (Qt's network stack cannot speak "
                                            "TLS to a proxy); use an http:// or socks5:// proxy URL"));
    } else {
        return cluster.error("proxy-url",
                             QStringLiteral("scheme \"%1\" is not supported; use http:// or socks5://").arg(scheme));
    }
    proxy.setUser(url.userName(QUrl::FullyDecoded));
    proxy.setPassword(url.password(QUrl::FullyDecoded));
    return proxy;
}

// The cluster part of a context: where and how to verify the server.
std::optional<Core::Error> resolveCluster(const KubeConfigEntry &cluster, Net::ConnectionContext &context,
                                          QJsonObject &execCluster)
{
    const auto server = cluster.string("server");
    if (!server)
        return server.error();
    if (server->trimmed().isEmpty())
        return cluster.error("server", QStringLiteral("is not set"));
    // kubectl accepts "host:port" and means https.
    const QString serverText
        = server->contains(QLatin1String("://")) ? server->trimmed() : QStringLiteral("https://") + server->trimmed();
    context.server = QUrl(serverText, QUrl::StrictMode);
    const QString scheme = context.server.scheme();
    if (!context.server.isValid() || context.server.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return cluster.error("server", QStringLiteral("\"%1\" is not an http(s) URL with a host").arg(*server));
    }

    QByteArray caPem;
    if (cluster.has("certificate-authority") && cluster.has("certificate-authority-data"))
        return cluster.error(
            "certificate-authority-data",
            QStringLiteral("both certificate-authority and certificate-authority-data are set; use one"));
    const char *caKey = cluster.has("certificate-authority") ? "certificate-authority" : "certificate-authority-data";
    if (cluster.has("certificate-authority-data")) {
        const auto data = cluster.base64("certificate-authority-data");
        if (!data)
            return data.error();
        caPem = *data;
    } else if (cluster.has("certificate-authority")) {
        const auto path = cluster.string("certificate-authority");
        if (!path)
            return path.error();
        const auto data = cluster.readFile("certificate-authority", cluster.resolvePath(*path));
        if (!data)
            return data.error();
        caPem = *data;
    }
    if (!caPem.isEmpty()) {
        const auto certificates = KubeConfigPem::certificates(caPem);
        if (const auto *reason = std::get_if<QString>(&certificates))
            return cluster.error(caKey, *reason);
        context.caCertificates = std::get<QList<QSslCertificate>>(certificates);
    }

    const auto insecure = cluster.boolean("insecure-skip-tls-verify");
    if (!insecure)
        return insecure.error();
    context.insecureSkipTlsVerify = *insecure;
    if (*insecure && !caPem.isEmpty()) {
        return cluster.error("insecure-skip-tls-verify",
                             QStringLiteral("is true while %1 is set; a CA with the insecure flag is not allowed")
                                 .arg(QLatin1String(caKey)));
    }
    const auto serverName = cluster.string("tls-server-name");
    if (!serverName)
        return serverName.error();
    context.tlsServerName = *serverName;
    const auto proxyUrl = cluster.string("proxy-url");
    if (!proxyUrl)
        return proxyUrl.error();
    if (!proxyUrl->isEmpty()) {
        const auto proxy = proxyFrom(cluster, *proxyUrl);
        if (!proxy)
            return proxy.error();
        context.proxy = *proxy;
    }
    const auto compression = cluster.boolean("disable-compression");
    if (!compression)
        return compression.error();
    context.disableCompression = *compression;

    // spec.cluster of the ExecCredential request, with client-go's field names.
    execCluster.insert(QStringLiteral("server"), context.server.toString());
    if (!context.tlsServerName.isEmpty())
        execCluster.insert(QStringLiteral("tls-server-name"), context.tlsServerName);
    if (context.insecureSkipTlsVerify)
        execCluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
    if (!caPem.isEmpty())
        execCluster.insert(QStringLiteral("certificate-authority-data"), QString::fromLatin1(caPem.toBase64()));
    if (!proxyUrl->isEmpty())
        execCluster.insert(QStringLiteral("proxy-url"), *proxyUrl);
    if (context.disableCompression)
        execCluster.insert(QStringLiteral("disable-compression"), true);
    const YAML::Node extensions = cluster.node("extensions");
    if (extensions.IsDefined() && extensions.IsSequence()) {
        for (const YAML::Node &extension : extensions) {
            if (extension.IsMap() && extension["name"].IsDefined() && extension["name"].IsScalar()
                && extension["name"].Scalar() == "client.authentication.k8s.io/exec") {
                execCluster.insert(QStringLiteral("config"), KubeConfigEntry::toJson(extension["extension"]));
            }
        }
    }
    return std::nullopt;
}

} // namespace

KubeConfigSources KubeConfigSources::fromEnvironment(const QString &explicitPath)
{
    return KubeConfigSources { explicitPath, qEnvironmentVariable("KUBECONFIG"), QDir::homePath() };
}

Core::Result<KubeConfig> KubeConfig::load(const KubeConfigSources &sources)
{
    QStringList files;
    if (!sources.explicitPath.isEmpty()) {
        // An explicit --kubeconfig must exist, unlike the entries of KUBECONFIG.
        if (!QFileInfo::exists(sources.explicitPath))
            return configError(sources.explicitPath, QStringLiteral("the kubeconfig file does not exist"));
        files.append(sources.explicitPath);
    } else if (!sources.kubeconfigEnv.isEmpty()) {
        const QStringList listed = sources.kubeconfigEnv.split(QDir::listSeparator(), Qt::SkipEmptyParts);
        for (const QString &path : listed) {
            const QString clean = QDir::cleanPath(path);
            if (QFileInfo::exists(clean) && !files.contains(clean))
                files.append(clean);
        }
        if (files.isEmpty())
            return configError(QStringLiteral("KUBECONFIG"),
                               QStringLiteral("none of the listed files exist: %1").arg(sources.kubeconfigEnv));
    } else {
        const QString path = QDir(sources.homeDir).filePath(QStringLiteral(".kube/config"));
        if (!QFileInfo::exists(path))
            return configError(path,
                               QStringLiteral("no kubeconfig: the file does not exist and neither --kubeconfig "
                                              "nor KUBECONFIG is set"));
        files.append(path);
    }

    auto data = std::make_shared<KubeConfigData>();
    data->files = files;
    for (const QString &path : std::as_const(files)) {
        const auto file = KubeConfigFile::read(path);
        if (!file)
            return file.error();
        if (data->currentContext.isEmpty())
            data->currentContext = file->currentContext;
        merge(data->clusters, file->clusters);
        merge(data->contexts, file->contexts, &data->contextOrder);
        merge(data->users, file->users);
    }
    KubeConfig config;
    config.d = std::move(data);
    return config;
}

QStringList KubeConfig::files() const
{
    return d ? d->files : QStringList();
}

QStringList KubeConfig::contextNames() const
{
    return d ? d->contextOrder : QStringList();
}

QString KubeConfig::currentContext() const
{
    return d ? d->currentContext : QString();
}

Core::Result<Net::ConnectionContext> KubeConfig::resolve(const QString &contextName) const
{
    // Every field access checks the node type first; this is the safety net for a shape that
    // slipped through, so that bad input is an error and never an escaping exception.
    try {
        return resolveContext(contextName);
    } catch (const YAML::Exception &exception) {
        return configError(d ? d->files.join(QLatin1String(", ")) : QString(),
                           QStringLiteral("context \"%1\": unexpected structure: %2")
                               .arg(contextName, QString::fromStdString(exception.msg)));
    }
}

Core::Result<Net::ConnectionContext> KubeConfig::resolveContext(const QString &contextName) const
{
    const QString files = d ? d->files.join(QLatin1String(", ")) : QString();
    const QString available
        = d && !d->contextOrder.isEmpty() ? d->contextOrder.join(QLatin1String(", ")) : QStringLiteral("none");
    const QString name = contextName.isEmpty() ? currentContext() : contextName;
    if (name.isEmpty()) {
        return configError(files,
                           QStringLiteral("no current-context is set; choose a context with --context "
                                          "(contexts: %1)")
                               .arg(available));
    }
    if (!d || !d->contexts.contains(name))
        return configError(files, QStringLiteral("context \"%1\" not found (contexts: %2)").arg(name, available));
    const KubeConfigEntry &entry = d->contexts[name];

    Net::ConnectionContext context;
    context.contextName = name;
    context.sourceFile = entry.file();
    const auto clusterName = entry.string("cluster");
    if (!clusterName)
        return clusterName.error();
    if (clusterName->isEmpty())
        return entry.error("cluster", QStringLiteral("is not set"));
    if (!d->clusters.contains(*clusterName)) {
        return entry.error("cluster", QStringLiteral("cluster \"%1\" is not defined in %2").arg(*clusterName, files));
    }
    context.clusterName = *clusterName;
    const auto userName = entry.string("user");
    if (!userName)
        return userName.error();
    if (!userName->isEmpty() && !d->users.contains(*userName))
        return entry.error("user", QStringLiteral("user \"%1\" is not defined in %2").arg(*userName, files));
    context.userName = *userName;
    const auto ns = entry.string("namespace");
    if (!ns)
        return ns.error();
    context.defaultNamespace = ns->isEmpty() ? QStringLiteral("default") : *ns;

    QJsonObject execCluster;
    if (auto error = resolveCluster(d->clusters[*clusterName], context, execCluster))
        return *error;
    if (!userName->isEmpty()) {
        auto credentials = KubeConfigAuth::credentials(d->users[*userName], execCluster);
        if (!credentials)
            return credentials.error();
        context.credentials = *credentials;
    }
    return context;
}

} // namespace Specula::Kube
