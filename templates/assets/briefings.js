/* Learning Briefings: small progressive enhancements. Every page works without this file. */
