package io.skillform.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the database schema up to date before anything else runs. The changelogs are the top-level
 * {@code sql/} folder, packaged as {@code db/}. Demo data is the Liquibase context {@code demo}, applied only
 * when {@code SKILLFORM_DEMO_DATA=true} (the dev run sets it).
 * <p>
 * Bean-managed transactions: Liquibase commits on its own connection, which a container transaction would fight.
 * Liquibase's lock table makes concurrent start-up of several cluster nodes safe.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    static final String CHANGELOG = "db/changelog.xml";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/SkillFormDS")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "skillform.demo-data", defaultValue = "false")
    private boolean demoData;

    @PostConstruct
    void migrate() {
        String contexts = demoData ? "demo" : "!demo";
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(getClass().getClassLoader())), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                            .execute());
            LOG.info(() -> "Database schema is up to date (contexts: " + contexts + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema", e);
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed", e);
        }
    }
}
