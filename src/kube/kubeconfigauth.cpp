// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeconfigauth.h"

#include "kube/execcredentialsource.h"
#include "kube/kubeconfigentry.h"
#include "kube/kubeconfigpem.h"
#include "kube/staticcredentialsource.h"
#include "kube/tokenfilecredentialsource.h"

#include <QFile>

namespace Specula::Kube {

namespace {

using SourceResult = Core::Result<std::shared_ptr<Net::CredentialSource>>;

// PEM bytes from `<key>` (a file) or `<key>-data` (base64), never both.
Core::Result<QByteArray> pemField(const KubeConfigEntry &user, const char *fileKey, const char *dataKey)
{
    if (user.has(fileKey) && user.has(dataKey))
        return user.error(
            dataKey,
            QStringLiteral("both %1 and %2 are set; use one").arg(QLatin1String(fileKey), QLatin1String(dataKey)));
    if (user.has(dataKey))
        return user.base64(dataKey);
    if (!user.has(fileKey))
        return QByteArray();
    const auto path = user.string(fileKey);
    if (!path)
        return path.error();
    return user.readFile(fileKey, user.resolvePath(*path));
}

Core::Result<Net::Credentials> clientCertificate(const KubeConfigEntry &user)
{
    Net::Credentials credentials;
    const auto certificate = pemField(user, "client-certificate", "client-certificate-data");
    if (!certificate)
        return certificate.error();
    const auto key = pemField(user, "client-key", "client-key-data");
    if (!key)
        return key.error();
    if (certificate->isEmpty() && key->isEmpty())
        return credentials;
    const char *certificateKey = user.has("client-certificate") ? "client-certificate" : "client-certificate-data";
    const char *keyKey = user.has("client-key") ? "client-key" : "client-key-data";
    if (key->isEmpty())
        return user.error(certificateKey, QStringLiteral("is set without client-key or client-key-data"));
    if (certificate->isEmpty())
        return user.error(keyKey, QStringLiteral("is set without client-certificate or client-certificate-data"));
    const auto certificates = KubeConfigPem::certificates(*certificate);
    if (const auto *reason = std::get_if<QString>(&certificates))
        return user.error(certificateKey, *reason);
    credentials.clientCertificate = std::get<QList<QSslCertificate>>(certificates).constFirst();
    const auto privateKey = KubeConfigPem::privateKey(*key);
    if (const auto *reason = std::get_if<QString>(&privateKey))
        return user.error(keyKey, *reason);
    credentials.clientKey = std::get<QSslKey>(privateKey);
    return credentials;
}

SourceResult authProvider(const KubeConfigEntry &user, Net::Credentials base)
{
    const KubeConfigEntry provider = user.child("auth-provider");
    const auto name = provider.string("name");
    if (!name)
        return name.error();
    if (*name == QLatin1String("gcp")) {
        return provider.error("name",
                              QStringLiteral("the gcp auth-provider was removed in kubectl 1.26; install "
                                             "gke-gcloud-auth-plugin and run `gcloud container clusters "
                                             "get-credentials` to rewrite this user"));
    }
    if (*name == QLatin1String("azure")) {
        return provider.error("name",
                              QStringLiteral("the azure auth-provider was removed in kubectl 1.26; install "
                                             "kubelogin and run `kubelogin convert-kubeconfig` to rewrite "
                                             "this user"));
    }
    if (*name != QLatin1String("oidc")) {
        return provider.error("name",
                              QStringLiteral("unknown auth-provider \"%1\" (only oidc is supported)").arg(*name));
    }
    const KubeConfigEntry config = provider.child("config");
    const auto idToken = config.string("id-token");
    if (!idToken)
        return idToken.error();
    if (idToken->isEmpty()) {
        return config.error("id-token",
                            QStringLiteral("is missing; refreshing OIDC tokens is not supported, so log in with "
                                           "your OIDC tool (e.g. kubelogin) to write an id-token"));
    }
    base.authorization = StaticCredentialSource::bearer(*idToken);
    return std::shared_ptr<Net::CredentialSource>(std::make_shared<StaticCredentialSource>(base));
}

SourceResult execPlugin(const KubeConfigEntry &user, const QJsonObject &execCluster, Net::Credentials base)
{
    const KubeConfigEntry exec = user.child("exec");
    ExecCredentialSource::Config config;
    config.userName = user.name();
    config.sourceFile = user.file();
    const auto command = exec.string("command");
    if (!command)
        return command.error();
    if (command->isEmpty())
        return exec.error("command", QStringLiteral("is not set"));
    config.command = *command;
    const auto apiVersion = exec.string("apiVersion");
    if (!apiVersion)
        return apiVersion.error();
    const QString v1 = QStringLiteral("client.authentication.k8s.io/v1");
    const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
    if (*apiVersion == QLatin1String("client.authentication.k8s.io/v1alpha1")) {
        return exec.error("apiVersion",
                          QStringLiteral("client.authentication.k8s.io/v1alpha1 was removed in Kubernetes 1.24; "
                                         "update the plugin and set %1 or %2")
                              .arg(v1beta1, v1));
    }
    if (*apiVersion != v1 && *apiVersion != v1beta1) {
        return exec.error("apiVersion",
                          apiVersion->isEmpty()
                              ? QStringLiteral("is not set; use %1 or %2").arg(v1, v1beta1)
                              : QStringLiteral("\"%1\" is not supported; use %2 or %3").arg(*apiVersion, v1, v1beta1));
    }
    config.apiVersion = *apiVersion;
    const auto mode = exec.string("interactiveMode");
    if (!mode)
        return mode.error();
    if (mode->isEmpty() && *apiVersion == v1)
        return exec.error("interactiveMode",
                          QStringLiteral("is required for %1; set Never, IfAvailable or Always").arg(v1));
    config.interactiveMode = mode->isEmpty() ? QStringLiteral("IfAvailable") : *mode;
    if (config.interactiveMode != QLatin1String("Never") && config.interactiveMode != QLatin1String("IfAvailable")
        && config.interactiveMode != QLatin1String("Always")) {
        return exec.error("interactiveMode",
                          QStringLiteral("\"%1\" is not one of Never, IfAvailable, Always").arg(*mode));
    }
    const auto args = exec.stringList("args");
    if (!args)
        return args.error();
    config.args = *args;
    const YAML::Node env = exec.node("env");
    if (env.IsDefined() && !env.IsNull()) {
        if (!env.IsSequence())
            return exec.error("env", QStringLiteral("expected a list of {name, value}"));
        for (const YAML::Node &item : env) {
            if (!item.IsMap() || !item["name"].IsDefined() || !item["name"].IsScalar())
                return exec.error("env", QStringLiteral("every entry needs a name and a value"));
            const YAML::Node value = item["value"];
            config.env.append(
                { QString::fromStdString(item["name"].Scalar()),
                  value.IsDefined() && value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString() });
        }
    }
    const auto hint = exec.string("installHint");
    if (!hint)
        return hint.error();
    config.installHint = *hint;
    const auto provide = exec.boolean("provideClusterInfo");
    if (!provide)
        return provide.error();
    config.provideClusterInfo = *provide;
    config.cluster = execCluster;
    return std::shared_ptr<Net::CredentialSource>(std::make_shared<ExecCredentialSource>(config, std::move(base)));
}

} // namespace

SourceResult KubeConfigAuth::credentials(const KubeConfigEntry &user, const QJsonObject &execCluster)
{
    const auto base = clientCertificate(user);
    if (!base)
        return base.error();
    const auto token = user.string("token");
    if (!token)
        return token.error();
    const auto tokenFile = user.string("tokenFile");
    if (!tokenFile)
        return tokenFile.error();
    const auto username = user.string("username");
    if (!username)
        return username.error();
    const auto password = user.string("password");
    if (!password)
        return password.error();
    const bool basic = !username->isEmpty() || !password->isEmpty();
    if ((!token->isEmpty() || !tokenFile->isEmpty()) && basic) {
        return user.error(token->isEmpty() ? "tokenFile" : "token",
                          QStringLiteral("more than one authentication method is set (token and username/password); "
                                         "only one is allowed"));
    }
    if (user.has("auth-provider") && user.has("exec"))
        return user.error("exec", QStringLiteral("auth-provider and exec are both set; only one is allowed"));
    if (user.has("exec"))
        return execPlugin(user, execCluster, *base);
    if (user.has("auth-provider"))
        return authProvider(user, *base);

    Net::Credentials credentials = *base;
    if (!token->isEmpty()) {
        credentials.authorization = StaticCredentialSource::bearer(*token);
    } else if (!tokenFile->isEmpty()) {
        // Read once now so that a wrong path is a configuration error; the source re-reads it.
        const QString path = user.resolvePath(*tokenFile);
        const auto content = user.readFile("tokenFile", path);
        if (!content)
            return content.error();
        if (content->trimmed().isEmpty())
            return user.error("tokenFile", QStringLiteral("\"%1\" is empty").arg(path));
        return std::shared_ptr<Net::CredentialSource>(
            std::make_shared<TokenFileCredentialSource>(path, user.name(), credentials));
    } else if (basic) {
        credentials.authorization = StaticCredentialSource::basic(*username, *password);
    } else if (credentials.clientCertificate.isNull()) {
        return std::shared_ptr<Net::CredentialSource>(); // anonymous
    }
    return std::shared_ptr<Net::CredentialSource>(std::make_shared<StaticCredentialSource>(credentials));
}

} // namespace Specula::Kube
